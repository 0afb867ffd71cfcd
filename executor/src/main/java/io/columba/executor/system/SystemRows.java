package io.columba.executor.system;

import io.columba.storage.block.Block;
import io.columba.storage.column.ArrayColumnBuilder;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.DoubleColumnBuilder;
import io.columba.storage.column.LongColumnBuilder;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a system table row by row. Values are boxed: these tables hold a row per table, part or function, not
 * data. A row gives one value per column: a {@link Number} or {@link Boolean} for numbers (DateTime as epoch
 * seconds), a {@link String}, a {@code List<String>} for Array(String), or null for NULL.
 */
final class SystemRows {
    private final List<String> names = new ArrayList<>();
    private final List<DataType> types = new ArrayList<>();
    private final List<ColumnBuilder> builders = new ArrayList<>();
    private int rows;

    SystemRows column(String name, DataType type) {
        names.add(name);
        types.add(type);
        builders.add(ColumnBuilder.forType(type, 16));
        return this;
    }

    void row(Object... values) {
        if (values.length != builders.size()) {
            throw new IllegalArgumentException(
                    "row of " + values.length + " values for " + builders.size() + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            append(builders.get(i), types.get(i), values[i]);
        }
        rows++;
    }

    private static void append(ColumnBuilder builder, DataType type, Object value) {
        if (value == null) {
            builder.appendNull();
            return;
        }
        switch (builder) {
            case LongColumnBuilder longs ->
                longs.append(value instanceof Boolean flag ? (flag ? 1 : 0) : ((Number) value).longValue());
            case DoubleColumnBuilder doubles -> doubles.append(((Number) value).doubleValue());
            case StringColumnBuilder strings -> strings.append((String) value);
            case ArrayColumnBuilder arrays -> {
                for (Object element : (List<?>) value) {
                    append(arrays.elements(), ArrayType.elementOf(type), element);
                }
                arrays.endArray();
            }
            default -> throw new IllegalStateException("no system table column of type " + type.name());
        }
    }

    SystemTable build() {
        List<Column> columns = new ArrayList<>();
        for (ColumnBuilder builder : builders) {
            columns.add(builder.build());
        }
        List<Block> blocks = rows == 0 ? List.of() : List.of(new Block(rows, columns));
        return new SystemTable(names, types, blocks);
    }
}
