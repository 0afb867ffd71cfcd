package io.columba.executor.function.scalar;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.Constant;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.executor.function.aggregate.AggregateFunction;
import io.columba.executor.function.aggregate.ArrayReduction;
import io.columba.executor.function.aggregate.BoundAggregate;
import io.columba.storage.column.Column;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates over each array: arrayReduce('f', arrays...) with any aggregate function, and arraySum, arrayAvg,
 * arrayMin, arrayMax, arrayUniq made from sum, avg, min, max and uniqExact.
 */
public final class ArrayAggregateFunctions {
    private ArrayAggregateFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                over("arraySum", "sum", "The sum of the elements (UInt64, Int64 or Float64 as sum)", "[1, 2, 3]"),
                over("arrayAvg", "avg", "The average of the elements (Float64; nan for an empty array)", "[1, 2, 4]"),
                over("arrayMin", "min", "The smallest element (the default value for an empty array)", "[3, 1, 2]"),
                over("arrayMax", "max", "The largest element (the default value for an empty array)", "[3, 1, 2]"),
                SimpleScalarFunction.of(
                        "arrayUniq",
                        "The number of distinct elements (of distinct tuples of elements at one position, over"
                                + " several arrays of equal lengths).",
                        "SELECT arrayUniq([1, 2, 1]), arrayUniq([1, 1], [1, 2])",
                        (types, args) -> {
                            BoundAggregate bound = bindAggregate("arrayUniq", "uniqExact", types);
                            return new Binding(
                                    IntegerType.UINT32, (columns, rows) -> ArrayReduction.reduce(bound, columns, rows));
                        }),
                SimpleScalarFunction.of(
                        "arrayReduce",
                        "arrayReduce('f', arrays...): the aggregate function f (with parameters and combinators,"
                                + " as 'quantile(0.9)' or 'sumIf') over the elements of the arrays.",
                        "SELECT arrayReduce('max', [1, 3, 2]), arrayReduce('quantile(0.5)', [1, 2, 3, 4])",
                        ArrayAggregateFunctions::bindReduce));
    }

    private static ScalarFunction over(String name, String aggregate, String description, String example) {
        return SimpleScalarFunction.of(
                name,
                description + "; with a lambda first, of the lambda's values.",
                "SELECT " + name + "(" + example + "), " + name + "(x -> x * 2, " + example + ")",
                (types, args) -> {
                    Operands.expectCount(name, types, 1, 1);
                    DataType element = ArrayKernels.element(name, types, 1);
                    if (!NumericTypes.isNumeric(element.withoutNullable())) {
                        throw new ColumbaException(
                                ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                                name + " cannot add values of type " + element.name());
                    }
                    BoundAggregate bound = bindAggregate(name, aggregate, types);
                    return new Binding(
                            bound.resultType(), (columns, rows) -> ArrayReduction.reduce(bound, columns, rows));
                });
    }

    private static BoundAggregate bindAggregate(String name, String aggregate, List<DataType> types) {
        return ArrayReduction.bind(FunctionRegistry.builtin().aggregate(aggregate), name, types);
    }

    private static Binding bindReduce(List<DataType> types, List<BoundExpression> arguments) {
        if (types.size() < 2) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Number of arguments for function arrayReduce doesn't match: passed " + types.size()
                            + ", should be at least 2.");
        }
        if (!(arguments.get(0) instanceof Constant constant)
                || constant.isNull()
                || !(constant.type() instanceof StringType)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "First argument for function arrayReduce must be constant string: name of aggregate function.");
        }
        List<DataType> arrays = types.subList(1, types.size());
        for (int i = 0; i < arrays.size(); i++) {
            ArrayKernels.element("arrayReduce", types, i + 2);
        }
        BoundAggregate bound = ArrayReduction.bind(aggregate(constant.stringValue()), "arrayReduce", arrays);
        return new Binding(bound.resultType(), (columns, rows) -> {
            Column[] tail = java.util.Arrays.copyOfRange(columns, 1, columns.length);
            return ArrayReduction.reduce(bound, tail, rows);
        });
    }

    /** The aggregate named by {@code 'f'} or {@code 'f(p1, p2)'}. */
    private static AggregateFunction aggregate(String text) {
        String trimmed = text.strip();
        int open = trimmed.indexOf('(');
        String name = open < 0 ? trimmed : trimmed.substring(0, open).strip();
        AggregateFunction function = FunctionRegistry.builtin().aggregate(name);
        if (function == null) {
            throw new ColumbaException(ErrorCode.UNKNOWN_AGGREGATE_FUNCTION, "Unknown aggregate function " + name);
        }
        if (open < 0) {
            return function;
        }
        if (!trimmed.endsWith(")")) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, "Aggregate function name '" + text + "' has unbalanced parentheses");
        }
        List<String> parameters = new ArrayList<>();
        for (String parameter :
                trimmed.substring(open + 1, trimmed.length() - 1).split(",")) {
            if (!parameter.isBlank()) {
                parameters.add(parameter.strip());
            }
        }
        return function.withParameters(parameters);
    }
}
