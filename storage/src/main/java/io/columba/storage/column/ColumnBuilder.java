package io.columba.storage.column;

import io.columba.storage.type.DataType;

/** Builds a column row by row; the only way columns are mutated. */
public sealed interface ColumnBuilder permits LongColumnBuilder, DoubleColumnBuilder, StringColumnBuilder {

    int size();

    void appendNull();

    /** Appends row {@code row} of {@code source}, which must have this builder's physical type. */
    void appendFrom(Column source, int row);

    Column build();

    /** {@code rows} rows of the type's default value: zero, the empty string, or NULL for a Nullable type. */
    static Column defaults(DataType type, int rows) {
        boolean[] nulls = null;
        if (type.isNullable()) {
            nulls = new boolean[rows];
            java.util.Arrays.fill(nulls, true);
        }
        return switch (type.physicalType()) {
            case LONG -> new LongColumn(new long[rows], nulls, rows);
            case DOUBLE -> new DoubleColumn(new double[rows], nulls, rows);
            case BYTES -> new StringColumn(new byte[0], new int[rows + 1], nulls, rows);
        };
    }

    static ColumnBuilder forType(DataType type, int expectedRows) {
        return switch (type.physicalType()) {
            case LONG -> new LongColumnBuilder(expectedRows);
            case DOUBLE -> new DoubleColumnBuilder(expectedRows);
            case BYTES -> new StringColumnBuilder(expectedRows);
        };
    }
}
