package io.columba.storage.type;

/** Bool: one byte, 0 or 1, printed as {@code true}/{@code false}. */
public record BoolType() implements DataType {
    public static final BoolType BOOL = new BoolType();

    @Override
    public String name() {
        return "Bool";
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.LONG;
    }

    @Override
    public int fixedWidth() {
        return 1;
    }
}
