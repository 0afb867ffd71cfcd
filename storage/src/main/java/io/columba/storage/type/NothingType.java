package io.columba.storage.type;

/** The type of a bare NULL literal ({@code Nullable(Nothing)}). */
public record NothingType() implements DataType {
    public static final NothingType NOTHING = new NothingType();

    @Override
    public String name() {
        return "Nothing";
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
