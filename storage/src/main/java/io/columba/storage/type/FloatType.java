package io.columba.storage.type;

/** Float32 and Float64, both held as doubles in memory; Float32 values are always exact floats. */
public record FloatType(int bytes) implements DataType {
    public static final FloatType FLOAT32 = new FloatType(4);
    public static final FloatType FLOAT64 = new FloatType(8);

    @Override
    public String name() {
        return "Float" + (bytes * 8);
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.DOUBLE;
    }

    @Override
    public int fixedWidth() {
        return bytes;
    }
}
