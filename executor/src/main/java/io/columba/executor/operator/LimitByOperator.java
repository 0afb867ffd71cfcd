package io.columba.executor.operator;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.type.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code LIMIT [offset,] length BY keys}: of each distinct tuple of the key columns, the rows past the first
 * {@code offset} and at most {@code length} of them, in the order they come (after ORDER BY).
 */
public final class LimitByOperator implements Operator {
    private final Operator child;
    private final int[] keyColumns;
    private final GroupIndex index;
    private final long length;
    private final long offset;
    private long[] seen = new long[1024];

    public LimitByOperator(Operator child, int[] keyColumns, List<DataType> keyTypes, long length, long offset) {
        this.child = child;
        this.keyColumns = keyColumns.clone();
        this.index = new GroupIndex(keyTypes);
        this.length = length;
        this.offset = offset;
    }

    @Override
    public Block next() {
        for (Block block = child.next(); block != null; block = child.next()) {
            int rows = block.rowCount();
            Column[] keys = new Column[keyColumns.length];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = block.column(keyColumns[k]);
            }
            int[] groups = index.assign(keys, rows);
            if (index.groupCount() > seen.length) {
                seen = Arrays.copyOf(seen, Math.max(index.groupCount(), seen.length * 2));
            }
            int[] selection = new int[rows];
            int count = 0;
            for (int i = 0; i < rows; i++) {
                long before = seen[groups[i]]++;
                if (before >= offset && before - offset < length) {
                    selection[count++] = i;
                }
            }
            if (count == rows) {
                return block;
            }
            if (count > 0) {
                return block.take(selection, count);
            }
        }
        return null;
    }

    @Override
    public void close() {
        child.close();
    }
}
