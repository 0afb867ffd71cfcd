package io.columba.storage.type;

/** DateTime[(tz)]: seconds since the epoch as UInt32; the time zone only changes how values print and parse. */
public record DateTimeType(String timeZone) implements DataType {
    public static final DateTimeType DATETIME = new DateTimeType(null);

    @Override
    public String name() {
        return timeZone == null ? "DateTime" : "DateTime('" + timeZone + "')";
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.LONG;
    }

    @Override
    public int fixedWidth() {
        return 4;
    }
}
