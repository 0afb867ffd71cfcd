package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.type.AggregateFunctionType;
import io.columba.storage.type.DataType;
import java.util.List;

/** fState: aggregates as f does, but returns each group's intermediate state, an AggregateFunction(f, T) value. */
public final class StateCombinator extends Combinator {
    public StateCombinator(AggregateFunction nested) {
        super(nested, "State");
    }

    @Override
    protected AggregateFunction over(AggregateFunction nested) {
        return new StateCombinator(nested);
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
