package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.NumericTypes;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import java.util.List;

/** fIf(args..., cond): f over the rows where cond is true (non-zero and not NULL). */
public final class IfCombinator extends Combinator {
    public IfCombinator(AggregateFunction nested) {
        super(nested, "If");
    }

    @Override
    protected AggregateFunction over(AggregateFunction nested) {
        return new IfCombinator(nested);
    }

    @Override
    public String description() {
        return nested.name() + " over the rows where the last argument (a condition) is true.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "(number, number > 4) FROM numbers(10)";
    }

    @Override
    public boolean handlesNulls() {
        return true;
    }

    @Override
    public BoundAggregate bind(List<DataType> argumentTypes) {
        if (argumentTypes.isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function " + name() + " requires at least one argument, the condition");
        }
        DataType condition = argumentTypes.get(argumentTypes.size() - 1).withoutNullable();
        if (!NumericTypes.isNumeric(condition) || condition instanceof io.columba.storage.type.FloatType) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type " + condition.name() + " of last argument for aggregate function with If suffix,"
                            + " must be UInt8");
        }
        BoundAggregate inner = AggregateBinder.bind(nested, argumentTypes.subList(0, argumentTypes.size() - 1));
        return new BoundAggregate(inner.resultType(), () -> new States(inner.newStates()));
    }

    private static final class States extends ForwardingStates {
        States(AggregateStates inner) {
            super(inner);
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            Column condition = arguments[arguments.length - 1];
            Column plain = condition instanceof ConstantColumn constant ? constant.value() : condition;
            LongColumn flags = (LongColumn) plain;
            int[] positions = new int[rows];
            int count = 0;
            for (int i = 0; i < rows; i++) {
                int row = plain == condition ? i : 0;
                if (!plain.isNull(row) && flags.get(row) != 0) {
                    positions[count++] = i;
                }
            }
            Column[] kept = new Column[arguments.length - 1];
            int[] keptGroups = new int[count];
            for (int i = 0; i < count; i++) {
                keptGroups[i] = groups[positions[i]];
            }
            for (int a = 0; a < kept.length; a++) {
                kept[a] = count == rows ? arguments[a] : arguments[a].take(positions, count);
            }
            inner.add(keptGroups, kept, count, groupCount);
        }
    }
}
