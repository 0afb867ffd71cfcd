package io.columba.storage.column;

/** Integers, dates, date-times and booleans as 64-bit values; {@code values.length >= size}. */
public record LongColumn(long[] values, boolean[] nulls, int size) implements Column {

    public LongColumn(long[] values) {
        this(values, null, values.length);
    }

    public long get(int row) {
        return values[row];
    }

    @Override
    public Column take(int[] positions, int count) {
        long[] result = new long[count];
        for (int i = 0; i < count; i++) {
            result[i] = values[positions[i]];
        }
        return new LongColumn(result, Column.takeNulls(nulls, positions, count), count);
    }

    @Override
    public Column slice(int offset, int length) {
        long[] result = new long[length];
        System.arraycopy(values, offset, result, 0, length);
        return new LongColumn(result, Column.sliceNulls(nulls, offset, length), length);
    }
}
