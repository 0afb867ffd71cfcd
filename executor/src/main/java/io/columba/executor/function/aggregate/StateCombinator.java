package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.type.AggregateFunctionType;
import io.columba.storage.type.DataType;
import java.util.List;

/** fState: aggregates as f does, but returns each group's intermediate state, an AggregateFunction(f, T) value. */
public final class StateCombinator implements AggregateFunction {
    private final AggregateFunction nested;

    public StateCombinator(AggregateFunction nested) {
        this.nested = nested;
    }

    @Override
    public AggregateFunction withParameters(List<String> parameters) {
        return new StateCombinator(nested.withParameters(parameters));
    }

    @Override
    public List<String> parameters() {
        return nested.parameters();
    }

    @Override
    public String name() {
        return nested.name() + "State";
    }

    @Override
    public String description() {
        return "The intermediate state of " + nested.name() + ", for AggregatingMergeTree columns and -Merge.";
    }

    @Override
    public String example() {
        return "SELECT finalizeAggregation(" + nested.name() + "State(number)) FROM numbers(10)";
    }

    @Override
    public boolean handlesNulls() {
        return true;
    }

    @Override
    public BoundAggregate bind(List<DataType> argumentTypes) {
        BoundAggregate inner = AggregateBinder.bind(nested, argumentTypes);
        DataType type = new AggregateFunctionType(nested.name(), nested.parameters(), argumentTypes);
        return new BoundAggregate(type, () -> new States(inner.newStates()));
    }

    private static final class States extends ForwardingStates {
        States(AggregateStates inner) {
            super(inner);
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            inner.add(groups, arguments, rows, groupCount);
        }

        @Override
        public Column result(int groupCount) {
            return AggregateStateColumns.serialize(inner, groupCount);
        }
    }
}
