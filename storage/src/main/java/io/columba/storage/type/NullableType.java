package io.columba.storage.type;

/** Nullable(T): the values of T plus a null map. */
public record NullableType(DataType inner) implements DataType {

    public NullableType {
        if (inner instanceof NullableType || inner instanceof LowCardinalityType) {
            throw new IllegalArgumentException("Nested type Nullable(Nullable) cannot be inside Nullable type");
        }
    }

    /** Wraps a type in Nullable unless it already is; LowCardinality(T) becomes LowCardinality(Nullable(T)). */
    public static DataType of(DataType type) {
        if (type.isNullable()) {
            return type;
        }
        if (type instanceof LowCardinalityType lowCardinality) {
            return new LowCardinalityType(new NullableType(lowCardinality.inner()));
        }
        return new NullableType(type);
    }

    @Override
    public String name() {
        return "Nullable(" + inner.name() + ")";
    }

    @Override
    public PhysicalType physicalType() {
        return inner.physicalType();
    }

    @Override
    public boolean isNullable() {
        return true;
    }

    @Override
    public DataType withoutNullable() {
        return inner;
    }

    @Override
    public boolean signedValues() {
        return inner.signedValues();
    }

    @Override
    public int fixedWidth() {
        return inner.fixedWidth();
    }
}
