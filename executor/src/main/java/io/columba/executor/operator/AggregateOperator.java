package io.columba.executor.operator;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.function.aggregate.AggregateStates;
import io.columba.executor.function.aggregate.BoundAggregate;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Hash aggregation: output columns are the GROUP BY keys, then one column per aggregate. Without keys it
 * yields exactly one row, even for empty input, as ClickHouse does.
 */
public final class AggregateOperator implements Operator {
    /** An aggregate with the expressions of its arguments. */
    public record AggregateCall(BoundAggregate aggregate, List<BoundExpression> arguments) {}

    private final Operator child;
    private final List<BoundExpression> keys;
    private final List<AggregateCall> calls;
    private boolean done;

    public AggregateOperator(Operator child, List<BoundExpression> keys, List<AggregateCall> calls) {
        this.child = child;
        this.keys = List.copyOf(keys);
        this.calls = List.copyOf(calls);
    }

    @Override
    public Block next() {
        if (done) {
            return null;
        }
        done = true;
        List<DataType> keyTypes = keys.stream().map(BoundExpression::type).toList();
        GroupIndex index = new GroupIndex(keyTypes);
        List<AggregateStates> states = new ArrayList<>();
        for (AggregateCall call : calls) {
            states.add(call.aggregate().newStates());
        }
        for (Block block = child.next(); block != null; block = child.next()) {
            int rows = block.rowCount();
            Column[] keyColumns = new Column[keys.size()];
            for (int k = 0; k < keyColumns.length; k++) {
                keyColumns[k] = ExpressionEvaluator.evaluate(keys.get(k), block);
            }
            int[] groups = index.assign(keyColumns, rows);
            for (int c = 0; c < calls.size(); c++) {
                List<BoundExpression> arguments = calls.get(c).arguments();
                Column[] values = new Column[arguments.size()];
                for (int a = 0; a < values.length; a++) {
                    values[a] = ExpressionEvaluator.evaluate(arguments.get(a), block);
                }
                states.get(c).add(groups, values, rows, index.groupCount());
            }
        }
        int groupCount = keys.isEmpty() ? 1 : index.groupCount();
        if (groupCount == 0) {
            return null;
        }
        List<Column> columns = new ArrayList<>(index.keys());
        for (AggregateStates state : states) {
            columns.add(state.result(groupCount));
        }
        return new Block(groupCount, columns);
    }
}
