package io.columba.storage.type;

/** String: arbitrary bytes, usually UTF-8. */
public record StringType() implements DataType {
    public static final StringType STRING = new StringType();

    @Override
    public String name() {
        return "String";
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.BYTES;
    }
}
