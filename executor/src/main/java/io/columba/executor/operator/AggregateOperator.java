package io.columba.executor.operator;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.function.aggregate.AggregateStates;
import io.columba.executor.function.aggregate.BoundAggregate;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
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
    private boolean totalsWanted;
    private BoundExpression totalsHaving;
    private Block totals;

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

    /**
     * Also computes the row of {@code WITH TOTALS}: every aggregate over the groups that pass {@code having} (all of
     * them when null; ClickHouse's default {@code totals_mode}), the keys at their type's default (NULL when
     * Nullable).
     */
    public AggregateOperator withTotals(BoundExpression having) {
        totalsWanted = true;
        totalsHaving = having;
        return this;
    }

    /** The totals row, aggregating first if {@link #next} has not run yet; null unless {@link #withTotals}. */
    public Block totals() {
        if (totalsWanted && !done) {
            next();
        }
        return totals;
    }

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
        Block block = null;
        if (groupCount > 0) {
            List<Column> columns = new ArrayList<>(index.keys());
            for (AggregateStates state : result.states()) {
                columns.add(state.result(groupCount));
            }
            block = new Block(groupCount, columns);
        }
        if (totalsWanted) {
            totals = totals(result, block);
        }
        return block;
    }

    /**
     * Folds the states of the groups that pass HAVING into group 0 of new states, and those that fail into group 1,
     * which is dropped.
     */
    private Block totals(Partial result, Block block) {
        // Without keys and without rows the index has no group, while the block has its one row of empty states.
        int groupCount = result.index().groupCount();
        int[] mapping = new int[groupCount];
        if (totalsHaving != null && groupCount > 0) {
            int[] passing = new int[groupCount];
            int count = FilterOperator.select(ExpressionEvaluator.evaluate(totalsHaving, block), groupCount, passing);
            java.util.Arrays.fill(mapping, 1);
            for (int i = 0; i < count; i++) {
                mapping[passing[i]] = 0;
            }
        }
        List<Column> columns = new ArrayList<>();
        for (BoundExpression key : keys) {
            columns.add(ColumnBuilder.defaults(key.type(), 1));
        }
        List<AggregateStates> folded = newPartial().states();
        for (int c = 0; c < calls.size(); c++) {
            AggregateStates states = folded.get(c);
            if (groupCount > 0) {
                states.merge(result.states().get(c), mapping, 2);
            }
            columns.add(states.result(2).slice(0, 1));
        }
        return new Block(1, columns);
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
