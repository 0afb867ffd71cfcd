package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.type.DataType;
import java.util.List;

/**
 * fSimpleState: f's value, for SimpleAggregateFunction(f, T) columns, which hold the value itself (this engine
 * types those columns as T).
 */
public final class SimpleStateCombinator extends Combinator {
    public SimpleStateCombinator(AggregateFunction nested) {
        super(nested, "SimpleState");
    }

    @Override
    protected AggregateFunction over(AggregateFunction nested) {
        return new SimpleStateCombinator(nested);
    }

    @Override
    public String description() {
        return "The value of " + nested.name() + ", as a SimpleAggregateFunction column stores it.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "(number) FROM numbers(10)";
    }

    @Override
    public boolean handlesNulls() {
        return true;
    }

    @Override
    public BoundAggregate bind(List<DataType> argumentTypes) {
        BoundAggregate inner = AggregateBinder.bind(nested, argumentTypes);
        return new BoundAggregate(inner.resultType(), () -> new States(inner.newStates()));
    }

    private static final class States extends ForwardingStates {
        States(AggregateStates inner) {
            super(inner);
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            inner.add(groups, arguments, rows, groupCount);
        }
    }
}
