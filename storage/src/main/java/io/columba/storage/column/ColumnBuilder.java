package io.columba.storage.column;

import io.columba.storage.type.DataType;

/** Builds a column row by row; the only way columns are mutated. */
public sealed interface ColumnBuilder permits LongColumnBuilder, DoubleColumnBuilder, StringColumnBuilder {

    int size();

    void appendNull();

    /** Appends row {@code row} of {@code source}, which must have this builder's physical type. */
    void appendFrom(Column source, int row);

    Column build();

    static ColumnBuilder forType(DataType type, int expectedRows) {
        return switch (type.physicalType()) {
            case LONG -> new LongColumnBuilder(expectedRows);
            case DOUBLE -> new DoubleColumnBuilder(expectedRows);
            case BYTES -> new StringColumnBuilder(expectedRows);
        };
    }
}
