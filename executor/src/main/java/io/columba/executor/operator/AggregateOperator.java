package io.columba.executor.operator;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.function.aggregate.AggregateStates;
import io.columba.executor.function.aggregate.BoundAggregate;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * Hash aggregation: output columns are the GROUP BY keys, then one column per aggregate. Without keys it
 * yields exactly one row, even for empty input, as ClickHouse does.
 */
public final class AggregateOperator implements Operator {
    /** An aggregate with the expressions of its arguments. */
    public record AggregateCall(BoundAggregate aggregate, List<BoundExpression> arguments) {}

    private final List<Operator> children;
    private final List<BoundExpression> keys;
    private final List<AggregateCall> calls;
    private final QueryContext context;
    private boolean done;

    public AggregateOperator(Operator child, List<BoundExpression> keys, List<AggregateCall> calls) {
        this(List.of(child), keys, calls, new QueryContext());
    }

    /**
     * Aggregates each child on its own thread, then merges the partial states; the hash tables' growth counts
     * against the query's memory limit.
     */
    public AggregateOperator(
            List<Operator> children, List<BoundExpression> keys, List<AggregateCall> calls, QueryContext context) {
        this.children = List.copyOf(children);
        this.keys = List.copyOf(keys);
        this.calls = List.copyOf(calls);
        this.context = context;
    }

    private record Partial(GroupIndex index, List<AggregateStates> states) {}

    @Override
    public Block next() {
        if (done) {
            return null;
        }
        done = true;
        List<java.util.function.Supplier<Partial>> tasks = new ArrayList<>();
        for (Operator child : children) {
            tasks.add(() -> aggregate(child));
        }
        List<Partial> partials = Workers.runAll(tasks);
        Partial result = partials.get(0);
        if (partials.size() > 1) {
            result = merge(partials);
        }
        for (Partial partial : partials) {
            context.trackMemory(-estimatedBytes(partial.index()));
        }
        GroupIndex index = result.index();
        int groupCount = keys.isEmpty() ? 1 : index.groupCount();
        if (groupCount == 0) {
            return null;
        }
        List<Column> columns = new ArrayList<>(index.keys());
        for (AggregateStates state : result.states()) {
            columns.add(state.result(groupCount));
        }
        return new Block(groupCount, columns);
    }

    private Partial newPartial() {
        List<AggregateStates> states = new ArrayList<>();
        for (AggregateCall call : calls) {
            states.add(call.aggregate().newStates());
        }
        boolean[] constantKeys = new boolean[keys.size()];
        for (int k = 0; k < constantKeys.length; k++) {
            constantKeys[k] = keys.get(k) instanceof io.columba.executor.expression.Constant;
        }
        return new Partial(
                new GroupIndex(keys.stream().map(BoundExpression::type).toList(), constantKeys), states);
    }

    private Partial aggregate(Operator child) {
        Partial partial = newPartial();
        GroupIndex index = partial.index();
        long tracked = 0;
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
                partial.states().get(c).add(groups, values, rows, index.groupCount());
            }
            long bytes = estimatedBytes(index);
            if (bytes != tracked) {
                context.trackMemory(bytes - tracked);
                tracked = bytes;
            }
        }
        return partial;
    }

    /** The index's tables plus 16 bytes of state per group and aggregate: an approximation, as ClickHouse's is. */
    private long estimatedBytes(GroupIndex index) {
        return index.memoryBytes() + 16L * calls.size() * index.groupCount();
    }

    private Partial merge(List<Partial> partials) {
        Partial total = newPartial();
        for (Partial partial : partials) {
            int groups = partial.index().groupCount();
            if (groups == 0) {
                continue;
            }
            Column[] keyColumns = partial.index().keys().toArray(new Column[0]);
            int[] mapping = total.index().assign(keyColumns, groups);
            for (int c = 0; c < calls.size(); c++) {
                total.states()
                        .get(c)
                        .merge(partial.states().get(c), mapping, total.index().groupCount());
            }
        }
        return total;
    }
}
