package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.AggregateFunctionType;
import io.columba.storage.type.DataType;
import java.util.List;

/** fMerge: combines AggregateFunction(f, T) states and returns what f returns. */
public final class MergeCombinator extends Combinator {
    public MergeCombinator(AggregateFunction nested) {
        super(nested, "Merge");
    }

    @Override
    protected AggregateFunction over(AggregateFunction nested) {
        return new MergeCombinator(nested);
    }

    @Override
    public String description() {
        return "Merges " + nested.name() + " states (AggregateFunction columns) into the final value.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "(s) FROM (SELECT " + nested.name() + "State(number) AS s FROM numbers(10))";
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> argumentTypes) {
        Operands.expectCount(name(), argumentTypes, 1, 1);
        if (!(argumentTypes.get(0) instanceof AggregateFunctionType state)
                || !state.function().equals(nested.name())) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type " + argumentTypes.get(0).name() + " of argument for aggregate function " + name()
                            + ", expected AggregateFunction(" + nested.name() + ", ...) or equivalent type");
        }
        BoundAggregate inner = AggregateBinder.bind(nested, state.arguments());
        return new BoundAggregate(inner.resultType(), () -> new States(inner));
    }

    /**
     * Merges each state into the row's group: straight from its bytes where the aggregate can, else read into a new
     * single-group instance first.
     */
    static void mergeStates(
            BoundAggregate bound, AggregateStates target, int[] groups, Column states, int rows, int groupCount) {
        Column plain = states instanceof ConstantColumn constant ? constant.value() : states;
        StringColumn bytes = (StringColumn) plain;
        int[] mapping = new int[1];
        for (int i = 0; i < rows; i++) {
            int row = plain == states ? i : 0;
            StateReader reader = new StateReader(bytes.data(), bytes.offsets()[row], bytes.length(row));
            if (target.mergeSerialized(groups[i], reader, groupCount)) {
                reader.expectEnd();
                continue;
            }
            AggregateStates one = bound.newStates();
            one.deserialize(reader);
            reader.expectEnd();
            mapping[0] = groups[i];
            target.merge(one, mapping, groupCount);
        }
    }

    private static final class States extends ForwardingStates {
        private final BoundAggregate bound;

        States(BoundAggregate bound) {
            super(bound.newStates());
            this.bound = bound;
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            mergeStates(bound, inner, groups, arguments[0], rows, groupCount);
        }
    }
}
