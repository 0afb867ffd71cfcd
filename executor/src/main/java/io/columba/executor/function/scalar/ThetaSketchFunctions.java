package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.executor.function.aggregate.UniqThetaFunction;
import io.columba.executor.function.aggregate.UniqThetaFunction.Combination;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.AggregateFunctionType;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/** uniqThetaUnion, uniqThetaIntersect, uniqThetaNot: set operations on two uniqTheta states, a state a row. */
public final class ThetaSketchFunctions {
    private ThetaSketchFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> all = new ArrayList<>();
        all.add(function("uniqThetaUnion", Combination.UNION, "The union of two uniqTheta states (values in either)."));
        all.add(function(
                "uniqThetaIntersect",
                Combination.INTERSECT,
                "The intersection of two uniqTheta states (values in both); an empty second state leaves the first."));
        all.add(function(
                "uniqThetaNot",
                Combination.NOT,
                "The first uniqTheta state without the values of the second (a_not_b); an empty second state leaves"
                        + " the first."));
        return all;
    }

    private static ScalarFunction function(String name, Combination combination, String description) {
        return SimpleScalarFunction.of(
                name,
                description + " Both arguments are AggregateFunction(uniqTheta, T) of the same type.",
                "SELECT finalizeAggregation(" + name + "(a, b)) FROM (SELECT uniqThetaState(number) AS a,"
                        + " uniqThetaState(number + 5) AS b FROM numbers(10))",
                (types, args) -> bind(name, combination, types));
    }

    private static Binding bind(String name, Combination combination, List<DataType> types) {
        Operands.expectCount(name, types, 2, 2);
        for (int i = 0; i < 2; i++) {
            if (!(types.get(i) instanceof AggregateFunctionType state)
                    || !state.function().equals("uniqTheta")) {
                throw Operands.illegalType(name, types.get(i), i + 1);
            }
        }
        if (!types.get(0).equals(types.get(1))) {
            throw Operands.illegalTypes(name, types.get(0), types.get(1));
        }
        return new Binding(types.get(0), (columns, rows) -> {
            StringColumn left = (StringColumn) columns[0].materialize();
            StringColumn right = (StringColumn) columns[1].materialize();
            StringColumnBuilder out = new StringColumnBuilder(rows);
            for (int i = 0; i < rows; i++) {
                out.append(UniqThetaFunction.combine(combination, left.getBytes(i), right.getBytes(i)));
            }
            return out.build();
        });
    }
}
