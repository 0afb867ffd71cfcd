package io.columba.executor.operator.join;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.operator.Blocks;
import io.columba.executor.operator.Operator;
import io.columba.executor.operator.QueryContext;
import io.columba.executor.operator.SerializedKeyTable;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.KeyEncoder;
import io.columba.storage.type.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The build side of a hash join: every row of the right input kept as one column each, plus one extra row of
 * default values (or NULLs) at {@link #defaultRow()} that non-matched rows point at, and the rows numbered by key in
 * chains that keep their input order. Rows whose key holds a NULL are kept but never match.
 */
public final class JoinHashTable {
    private final Column[] columns;
    private final Column[] keys;
    private final int rows;
    private final SerializedKeyTable table = new SerializedKeyTable();
    private int[] first = new int[64];
    private int[] last = new int[64];
    private final int[] next;

    private JoinHashTable(Column[] columns, Column[] keys, int rows) {
        this.columns = columns;
        this.keys = keys;
        this.rows = rows;
        this.next = new int[rows];
        Arrays.fill(next, -1);
        KeyEncoder encoder = new KeyEncoder();
        for (int row = 0; row < rows; row++) {
            if (!encode(encoder, keys, row)) {
                continue;
            }
            int known = table.size();
            int id = table.findOrAdd(encoder.bytes(), encoder.length());
            if (id == first.length) {
                first = Arrays.copyOf(first, id * 2);
                last = Arrays.copyOf(last, id * 2);
            }
            if (id == known) {
                first[id] = row;
            } else {
                next[last[id]] = row;
            }
            last[id] = row;
        }
    }

    /**
     * Reads all of {@code right} ({@code types} its columns, of which only {@code needed} are kept), evaluating the
     * {@code keys} over it; the extra row holds the types' defaults (NULL for a Nullable type).
     */
    public static JoinHashTable build(
            Operator right,
            List<DataType> types,
            List<BoundExpression> keys,
            Set<Integer> needed,
            QueryContext context) {
        ColumnBuilder[] builders = new ColumnBuilder[types.size()];
        for (int c : needed) {
            builders[c] = ColumnBuilder.forType(types.get(c), 1024);
        }
        ColumnBuilder[] keyBuilders = new ColumnBuilder[keys.size()];
        for (int k = 0; k < keyBuilders.length; k++) {
            keyBuilders[k] = ColumnBuilder.forType(keys.get(k).type(), 1024);
        }
        int rows = 0;
        for (Block block = right.next(); block != null; block = right.next()) {
            long bytes = 8L * block.rowCount(); // the hash chains
            for (int c : needed) {
                Column column = block.column(c).materialize();
                bytes += Blocks.memoryBytes(column);
                appendAll(builders[c], column, block.rowCount());
            }
            for (int k = 0; k < keyBuilders.length; k++) {
                Column key = ExpressionEvaluator.evaluate(keys.get(k), block).materialize();
                bytes += Blocks.memoryBytes(key);
                appendAll(keyBuilders[k], key, block.rowCount());
            }
            context.trackMemory(bytes);
            rows += block.rowCount();
        }
        Column[] columns = new Column[builders.length];
        for (int c = 0; c < builders.length; c++) {
            Column defaults = ColumnBuilder.defaults(types.get(c), 1);
            if (needed.contains(c)) {
                builders[c].appendFrom(defaults, 0);
                columns[c] = builders[c].build();
            } else {
                columns[c] = new ConstantColumn(defaults, rows + 1);
            }
        }
        Column[] keyColumns = new Column[keyBuilders.length];
        for (int k = 0; k < keyBuilders.length; k++) {
            keyBuilders[k].appendFrom(ColumnBuilder.defaults(keys.get(k).type(), 1), 0);
            keyColumns[k] = keyBuilders[k].build();
        }
        return new JoinHashTable(columns, keyColumns, rows);
    }

    private static void appendAll(ColumnBuilder builder, Column column, int rows) {
        for (int row = 0; row < rows; row++) {
            builder.appendFrom(column, row);
        }
    }

    /** Encodes the key of {@code row}; false when one of its values is NULL (a key that matches nothing). */
    static boolean encode(KeyEncoder encoder, Column[] keys, int row) {
        encoder.clear();
        for (Column key : keys) {
            if (key.isNull(row)) {
                return false;
            }
            encoder.add(key, row);
        }
        return true;
    }

    /** The first row with the encoded key, or -1. */
    int first(KeyEncoder encoder) {
        int id = table.find(encoder.bytes(), encoder.length());
        return id < 0 ? -1 : first[id];
    }

    /** The row after {@code row} with the same key, or -1. */
    int next(int row) {
        return next[row];
    }

    /** The number of rows read (the default row not counted). */
    public int rows() {
        return rows;
    }

    /** The position of the row of default values. */
    public int defaultRow() {
        return rows;
    }

    Column column(int index) {
        return columns[index];
    }

    Column key(int index) {
        return keys[index];
    }

    int columnCount() {
        return columns.length;
    }
}
