package io.columba.storage.type;

/** Int8 ... Int64 and UInt8 ... UInt64. UInt64 values are held in a long with the same bits. */
public record IntegerType(int bytes, boolean signed) implements DataType {
    public static final IntegerType INT8 = new IntegerType(1, true);
    public static final IntegerType INT16 = new IntegerType(2, true);
    public static final IntegerType INT32 = new IntegerType(4, true);
    public static final IntegerType INT64 = new IntegerType(8, true);
    public static final IntegerType UINT8 = new IntegerType(1, false);
    public static final IntegerType UINT16 = new IntegerType(2, false);
    public static final IntegerType UINT32 = new IntegerType(4, false);
    public static final IntegerType UINT64 = new IntegerType(8, false);

    public IntegerType {
        if (bytes != 1 && bytes != 2 && bytes != 4 && bytes != 8) {
            throw new IllegalArgumentException("integer width must be 1, 2, 4 or 8 bytes, got " + bytes);
        }
    }

    public static IntegerType of(int bytes, boolean signed) {
        return new IntegerType(bytes, signed);
    }

    @Override
    public String name() {
        return (signed ? "Int" : "UInt") + (bytes * 8);
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.LONG;
    }

    @Override
    public int fixedWidth() {
        return bytes;
    }

    @Override
    public boolean signedValues() {
        return signed;
    }

    /** Brings a 64-bit result back into this type's range, as ClickHouse's fixed-width arithmetic wraps. */
    public long wrap(long value) {
        return switch (bytes) {
            case 1 -> signed ? (byte) value : value & 0xFFL;
            case 2 -> signed ? (short) value : value & 0xFFFFL;
            case 4 -> signed ? (int) value : value & 0xFFFF_FFFFL;
            default -> value;
        };
    }

    /** Whether the value (as a signed or, for UInt64, unsigned 64-bit number) fits this type. */
    public boolean fits(long value, boolean valueIsUnsigned64) {
        if (bytes == 8) {
            return signed ? !valueIsUnsigned64 || value >= 0 : valueIsUnsigned64 || value >= 0;
        }
        if (valueIsUnsigned64 && value < 0) {
            return false;
        }
        return wrap(value) == value;
    }
}
