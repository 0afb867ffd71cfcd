package io.columba.executor.operator;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.type.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code left INTERSECT right} and {@code left EXCEPT right}, as ClickHouse runs them: the right rows are counted
 * first, then the left rows stream through in their order. ALL is a multiset operation: a left row is kept
 * (INTERSECT) or dropped (EXCEPT) as many times as an equal row occurs on the right. DISTINCT returns each row once.
 * Rows are equal when every column is, NULL equal to NULL.
 */
public final class SetOperationOperator implements Operator {
    private final Operator left;
    private final Operator right;
    private final boolean intersect;
    private final boolean distinct;
    private final GroupIndex index;
    /** Per distinct right row: how many equal rows are still to match; -1 once a DISTINCT result returned it. */
    private int[] remaining;

    private int rightGroups = -1;
    /** The next group a left row absent from the right gets (EXCEPT DISTINCT returns the first of each). */
    private int nextNewGroup;

    public SetOperationOperator(
            Operator left, Operator right, List<DataType> types, boolean intersect, boolean distinct) {
        this.left = left;
        this.right = right;
        this.intersect = intersect;
        this.distinct = distinct;
        this.index = new GroupIndex(types);
    }

    @Override
    public Block next() {
        if (rightGroups < 0) {
            countRight();
        }
        for (Block block = left.next(); block != null; block = left.next()) {
            Column[] columns = block.columns().toArray(new Column[0]);
            int[] groups = index.assign(columns, block.rowCount());
            int[] selection = new int[block.rowCount()];
            int count = 0;
            for (int i = 0; i < groups.length; i++) {
                if (keep(groups[i])) {
                    selection[count++] = i;
                }
            }
            if (count > 0) {
                return count == block.rowCount() ? block : block.take(selection, count);
            }
        }
        return null;
    }

    private boolean keep(int group) {
        boolean onRight = group < rightGroups;
        if (!onRight) {
            // A row the right side lacks: EXCEPT keeps it (once for DISTINCT); INTERSECT never does.
            boolean first = group == nextNewGroup;
            nextNewGroup += first ? 1 : 0;
            return !intersect && (!distinct || first);
        }
        if (distinct) {
            boolean first = remaining[group] >= 0;
            remaining[group] = -1;
            return intersect && first;
        }
        boolean matched = remaining[group] > 0;
        remaining[group] -= matched ? 1 : 0;
        return intersect == matched;
    }

    private void countRight() {
        remaining = new int[16];
        for (Block block = right.next(); block != null; block = right.next()) {
            Column[] columns = block.columns().toArray(new Column[0]);
            int[] groups = index.assign(columns, block.rowCount());
            if (remaining.length < index.groupCount()) {
                remaining = Arrays.copyOf(remaining, Math.max(index.groupCount(), remaining.length * 2));
            }
            for (int group : groups) {
                remaining[group]++;
            }
        }
        right.close();
        rightGroups = index.groupCount();
        nextNewGroup = rightGroups;
    }

    @Override
    public void close() {
        left.close();
        right.close();
    }
}
