package io.columba.executor.function.scalar;

import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.executor.function.aggregate.AggregateBinder;
import io.columba.executor.function.aggregate.AggregateFunction;
import io.columba.executor.function.aggregate.AggregateStates;
import io.columba.executor.function.aggregate.BoundAggregate;
import io.columba.storage.column.Column;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import java.util.Arrays;
import java.util.List;

/** initializeAggregation('fState', x, ...): the aggregate run over each row alone; with -State, one state a row. */
public final class InitializeAggregationFunction {
    private InitializeAggregationFunction() {}

    public static List<ScalarFunction> all() {
        return List.of(SimpleScalarFunction.of(
                        "initializeAggregation",
                        "The aggregate function named first (with combinators such as -State) applied to each row on"
                                + " its own: sumState gives one AggregateFunction(sum, T) state per row.",
                        "SELECT finalizeAggregation(initializeAggregation('sumState', 5))",
                        InitializeAggregationFunction::bind)
                .seeingNulls());
    }

    private static Binding bind(List<DataType> types, List<io.columba.executor.expression.BoundExpression> args) {
        Operands.expectCount("initializeAggregation", types, 2, Integer.MAX_VALUE);
        String name = ConversionFunctions.constantString("initializeAggregation", args.get(0));
        AggregateFunction function = FunctionRegistry.builtin().aggregate(name);
        if (function == null) {
            throw new ColumbaException(
                    ErrorCode.UNKNOWN_AGGREGATE_FUNCTION,
                    "Unknown aggregate function " + name + " in function initializeAggregation");
        }
        BoundAggregate bound = AggregateBinder.bind(function, types.subList(1, types.size()));
        return new Binding(bound.resultType(), (columns, rows) -> {
            Column[] arguments = Arrays.copyOfRange(columns, 1, columns.length);
            for (int a = 0; a < arguments.length; a++) {
                arguments[a] = arguments[a].materialize();
            }
            int[] groups = new int[rows];
            for (int i = 0; i < rows; i++) {
                groups[i] = i;
            }
            AggregateStates states = bound.newStates();
            states.add(groups, arguments, rows, rows);
            return states.result(rows);
        });
    }
}
