package io.columba.storage.type;

/** Date: days since 1970-01-01 as UInt16 (1970-01-01 ... 2149-06-06). */
public record DateType() implements DataType {
    public static final DateType DATE = new DateType();

    @Override
    public String name() {
        return "Date";
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.LONG;
    }

    @Override
    public int fixedWidth() {
        return 2;
    }
}
