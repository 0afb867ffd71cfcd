package io.columba.executor.operator;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.type.DataType;
import java.util.List;

/**
 * SELECT DISTINCT: the first row of each distinct tuple of the leading columns (one per type given), in order of
 * first appearance; columns past them (ORDER BY keys that are not selected) come from that first row.
 */
public final class DistinctOperator implements Operator {
    private final Operator child;
    private final GroupIndex index;
    private final int keyCount;

    public DistinctOperator(Operator child, List<DataType> types) {
        this.child = child;
        this.index = new GroupIndex(types);
        this.keyCount = types.size();
    }

    @Override
    public Block next() {
        for (Block block = child.next(); block != null; block = child.next()) {
            int before = index.groupCount();
            Column[] columns = block.columns().subList(0, keyCount).toArray(new Column[0]);
            int[] groups = index.assign(columns, block.rowCount());
            int[] selection = new int[block.rowCount()];
            int count = 0;
            int expected = before;
            for (int i = 0; i < groups.length; i++) {
                if (groups[i] == expected) {
                    selection[count++] = i;
                    expected++;
                }
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
