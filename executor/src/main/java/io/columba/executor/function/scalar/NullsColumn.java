package io.columba.executor.function.scalar;

import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.type.DataType;

/** Attaching and dropping null maps on value columns. */
public final class NullsColumn {
    private NullsColumn() {}

    public static Column withNulls(Column column, boolean[] nulls) {
        return switch (column) {
            case LongColumn longs -> new LongColumn(longs.values(), nulls, longs.size());
            case DoubleColumn doubles -> new DoubleColumn(doubles.values(), nulls, doubles.size());
            case StringColumn strings -> new StringColumn(strings.data(), strings.offsets(), nulls, strings.size());
            case io.columba.storage.column.ArrayColumn arrays ->
                new io.columba.storage.column.ArrayColumn(arrays.offsets(), arrays.elements(), nulls, arrays.size());
            case io.columba.storage.column.TupleColumn tuples ->
                new io.columba.storage.column.TupleColumn(tuples.elements(), nulls, tuples.size());
            case ConstantColumn constant ->
                nulls == null && !constant.value().isNull(0) ? constant : withNulls(constant.materialize(), nulls);
        };
    }

    /** A column of default values (0, empty string, zero bytes of a fixed width) with the given null map. */
    public static Column defaults(DataType type, boolean[] nulls, int rows) {
        return io.columba.storage.column.ColumnBuilder.defaults(type, nulls, rows);
    }
}
