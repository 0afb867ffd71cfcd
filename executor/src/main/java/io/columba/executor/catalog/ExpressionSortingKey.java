package io.columba.executor.catalog;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.operator.RowComparator;
import io.columba.executor.operator.SortKey;
import io.columba.storage.block.Block;
import io.columba.storage.block.PackedKeySort;
import io.columba.storage.column.Column;
import io.columba.storage.engine.SortingKey;
import java.util.ArrayList;
import java.util.List;

/** A table's ORDER BY expressions, evaluated and compared as the executor does, for storage's merges. */
final class ExpressionSortingKey implements SortingKey {
    private final List<BoundExpression> expressions;
    private final List<SortKey> keys = new ArrayList<>();
    private final List<io.columba.storage.type.DataType> types = new ArrayList<>();

    ExpressionSortingKey(List<BoundExpression> expressions) {
        this.expressions = List.copyOf(expressions);
        for (int i = 0; i < expressions.size(); i++) {
            keys.add(new SortKey(i, expressions.get(i).type(), false, false));
            types.add(expressions.get(i).type());
        }
    }

    @Override
    public Block evaluate(Block rows) {
        List<Column> columns = new ArrayList<>();
        for (BoundExpression expression : expressions) {
            columns.add(ExpressionEvaluator.evaluate(expression, rows).materialize());
        }
        return new Block(rows.rowCount(), columns);
    }

    @Override
    public int[] columnsUsed() {
        java.util.Set<Integer> used = new java.util.TreeSet<>();
        for (BoundExpression expression : expressions) {
            collect(expression, used);
        }
        return used.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void collect(BoundExpression expression, java.util.Set<Integer> used) {
        if (expression instanceof io.columba.executor.expression.ColumnReference column) {
            used.add(column.index());
        } else if (expression instanceof io.columba.executor.expression.FunctionInvocation call) {
            for (BoundExpression argument : call.arguments()) {
                collect(argument, used);
            }
        }
    }

    @Override
    public int[] sortedOrder(Block keyValues) {
        int[] packed = PackedKeySort.sortedOrder(keyValues, types);
        return packed != null ? packed : new RowComparator(keys, keyValues).sortedPermutation(keyValues.rowCount());
    }
}
