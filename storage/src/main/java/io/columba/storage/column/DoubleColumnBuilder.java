package io.columba.storage.column;

import java.util.Arrays;

/** Appends doubles; see {@link DoubleColumn}. */
public final class DoubleColumnBuilder implements ColumnBuilder {
    private double[] values;
    private boolean[] nulls;
    private int size;

    public DoubleColumnBuilder(int expectedRows) {
        values = new double[Math.max(8, expectedRows)];
    }

    public void append(double value) {
        if (size == values.length) {
            grow();
        }
        values[size++] = value;
    }

    @Override
    public void appendNull() {
        if (size == values.length) {
            grow();
        }
        if (nulls == null) {
            nulls = new boolean[values.length];
        }
        nulls[size] = true;
        values[size++] = 0;
    }

    @Override
    public void appendFrom(Column source, int row) {
        if (source.isNull(row)) {
            appendNull();
            return;
        }
        Column plain = source instanceof ConstantColumn constant ? constant.value() : source;
        append(((DoubleColumn) plain).values()[plain == source ? row : 0]);
    }

    private void grow() {
        int capacity = values.length * 2;
        values = Arrays.copyOf(values, capacity);
        if (nulls != null) {
            nulls = Arrays.copyOf(nulls, capacity);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Column build() {
        return new DoubleColumn(values, nulls == null ? null : Arrays.copyOf(nulls, size), size);
    }
}
