package io.columba.storage.type;

/** FixedString(N): exactly N bytes a value; shorter values are padded with zero bytes. */
public record FixedStringType(int length) implements DataType {

    public FixedStringType {
        if (length <= 0 || length > 0xFFFFFF) {
            throw new IllegalArgumentException("FixedString size must be positive and at most 16 MiB, got " + length);
        }
    }

    @Override
    public String name() {
        return "FixedString(" + length + ")";
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.BYTES;
    }

    @Override
    public int fixedWidth() {
        return length;
    }
}
