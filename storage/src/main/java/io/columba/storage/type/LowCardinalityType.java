package io.columba.storage.type;

/**
 * LowCardinality(T): values of T (String, FixedString, numbers, dates, or their Nullable) that repeat a lot. Only
 * storage and the printed type change: expressions see the values as plain T, which {@link #withoutNullable} gives
 * with any Nullable removed.
 */
public record LowCardinalityType(DataType inner) implements DataType {

    public LowCardinalityType {
        if (inner instanceof LowCardinalityType) {
            throw new IllegalArgumentException("LowCardinality(LowCardinality) is not allowed");
        }
    }

    @Override
    public String name() {
        return "LowCardinality(" + inner.name() + ")";
    }

    @Override
    public PhysicalType physicalType() {
        return inner.physicalType();
    }

    @Override
    public boolean isNullable() {
        return inner.isNullable();
    }

    @Override
    public DataType withoutNullable() {
        return inner.withoutNullable();
    }

    @Override
    public DataType withoutLowCardinality() {
        return inner;
    }

    @Override
    public int fixedWidth() {
        return inner.fixedWidth();
    }

    @Override
    public boolean signedValues() {
        return inner.signedValues();
    }
}
