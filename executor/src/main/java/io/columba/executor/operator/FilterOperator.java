package io.columba.executor.operator;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;

/** Keeps the rows where the predicate is non-zero and not NULL, through a selection vector. */
public final class FilterOperator implements Operator {
    private final Operator child;
    private final BoundExpression predicate;

    public FilterOperator(Operator child, BoundExpression predicate) {
        this.child = child;
        this.predicate = predicate;
    }

    @Override
    public Block next() {
        for (Block block = child.next(); block != null; block = child.next()) {
            Block filtered = filter(block);
            if (filtered.rowCount() > 0) {
                return filtered;
            }
        }
        return null;
    }

    private Block filter(Block block) {
        int rows = block.rowCount();
        int[] selection = new int[rows];
        int count = select(ExpressionEvaluator.evaluate(predicate, block), rows, selection);
        return count == rows ? block : block.take(selection, count);
    }

    /** Writes the rows where {@code mask} is non-zero and not NULL to {@code selection}; returns how many. */
    static int select(Column mask, int rows, int[] selection) {
        if (mask instanceof ConstantColumn constant) {
            boolean keep = !constant.value().isNull(0) && truth(constant.value(), 0);
            if (!keep) {
                return 0;
            }
            for (int i = 0; i < rows; i++) {
                selection[i] = i;
            }
            return rows;
        }
        int count = 0;
        boolean[] nulls = mask.nulls();
        if (mask instanceof LongColumn longs && nulls == null) {
            long[] values = longs.values();
            for (int i = 0; i < rows; i++) {
                selection[count] = i;
                count += values[i] != 0 ? 1 : 0;
            }
        } else {
            for (int i = 0; i < rows; i++) {
                if ((nulls == null || !nulls[i]) && truth(mask, i)) {
                    selection[count++] = i;
                }
            }
        }
        return count;
    }

    private static boolean truth(Column column, int row) {
        return switch (column) {
            case LongColumn longs -> longs.get(row) != 0;
            case DoubleColumn doubles -> doubles.get(row) != 0;
            default -> false;
        };
    }

    @Override
    public void close() {
        child.close();
    }
}
