package io.columba.storage.column;

/** Float32 and Float64 values; {@code values.length >= size}. */
public record DoubleColumn(double[] values, boolean[] nulls, int size) implements Column {

    public DoubleColumn(double[] values) {
        this(values, null, values.length);
    }

    public double get(int row) {
        return values[row];
    }

    @Override
    public Column take(int[] positions, int count) {
        double[] result = new double[count];
        for (int i = 0; i < count; i++) {
            result[i] = values[positions[i]];
        }
        return new DoubleColumn(result, Column.takeNulls(nulls, positions, count), count);
    }

    @Override
    public Column slice(int offset, int length) {
        double[] result = new double[length];
        System.arraycopy(values, offset, result, 0, length);
        return new DoubleColumn(result, Column.sliceNulls(nulls, offset, length), length);
    }
}
