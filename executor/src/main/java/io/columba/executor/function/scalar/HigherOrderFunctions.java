package io.columba.executor.function.scalar;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.expression.FunctionInvocation;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.block.Block;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * arrayMap, arrayFilter, arrayExists, arrayAll and arrayCount: a lambda ({@code x -> ...}) applied to the elements
 * of one or more arrays of equal lengths, evaluated once over all elements of a block; and range.
 */
public final class HigherOrderFunctions {
    /** The functions whose first argument is a lambda. */
    public static final Set<String> NAMES = Set.of(
            "arrayMap",
            "arrayFilter",
            "arrayExists",
            "arrayAll",
            "arrayCount",
            "arrayFirst",
            "arrayFirstIndex",
            "arrayLast",
            "arrayLastIndex",
            "arrayFill",
            "arrayReverseFill",
            "arraySplit",
            "arrayReverseSplit",
            "arraySort",
            "arrayReverseSort",
            "arraySum",
            "arrayAvg",
            "arrayMin",
            "arrayMax",
            "arrayCumSum");

    /** The functions that, given a lambda, apply their plain form to the lambda's values. */
    private static final Set<String> OVER_VALUES =
            Set.of("arraySum", "arrayAvg", "arrayMin", "arrayMax", "arrayCumSum");

    private HigherOrderFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> functions = new ArrayList<>();
        functions.add(needsLambda(
                "arrayMap",
                "The lambda's value for each element (of each array, in step).",
                "SELECT arrayMap(x -> x * 2, [1, 2, 3])"));
        functions.add(needsLambda(
                "arrayFilter",
                "The elements of the first array for which the lambda is true.",
                "SELECT arrayFilter(x -> x > 1, [1, 2, 3])"));
        functions.add(needsLambda(
                "arrayExists",
                "1 when the lambda is true for some element, else 0.",
                "SELECT arrayExists(x -> x > 2, [1, 2, 3])"));
        functions.add(needsLambda(
                "arrayAll",
                "1 when the lambda is true for every element, else 0.",
                "SELECT arrayAll(x -> x > 0, [1, 2, 3])"));
        functions.add(needsLambda(
                "arrayCount",
                "The number of elements for which the lambda is true.",
                "SELECT arrayCount(x -> x % 2 = 1, [1, 2, 3])"));
        functions.add(needsLambda(
                "arrayFirst",
                "The first element for which the lambda is true, or the default value.",
                "SELECT arrayFirst(x -> x > 1, [1, 2, 3])"));
        functions.add(needsLambda(
                "arrayFirstIndex",
                "The position (from 1) of the first element for which the lambda is true, or 0.",
                "SELECT arrayFirstIndex(x -> x > 1, [1, 2, 3])"));
        functions.add(needsLambda(
                "arrayLast",
                "The last element for which the lambda is true, or the default value.",
                "SELECT arrayLast(x -> x < 3, [1, 2, 3])"));
        functions.add(needsLambda(
                "arrayLastIndex",
                "The position (from 1) of the last element for which the lambda is true, or 0.",
                "SELECT arrayLastIndex(x -> x < 3, [1, 2, 3])"));
        functions.add(needsLambda(
                "arrayFill",
                "Each element for which the lambda is false replaced by the element before it; the first kept.",
                "SELECT arrayFill(x -> x != 0, [1, 0, 0, 2, 0])"));
        functions.add(needsLambda(
                "arrayReverseFill",
                "Each element for which the lambda is false replaced by the element after it; the last kept.",
                "SELECT arrayReverseFill(x -> x != 0, [1, 0, 0, 2, 0])"));
        functions.add(needsLambda(
                "arraySplit",
                "The array split before each element (but the first) for which the lambda is true.",
                "SELECT arraySplit((x, y) -> y, [1, 2, 3, 4, 5], [1, 0, 0, 1, 0])"));
        functions.add(needsLambda(
                "arrayReverseSplit",
                "The array split after each element (but the last) for which the lambda is true.",
                "SELECT arrayReverseSplit((x, y) -> y, [1, 2, 3, 4, 5], [1, 0, 0, 1, 0])"));
        functions.add(SimpleScalarFunction.of(
                "range",
                "The integers [start, end) by step: range(end), range(start, end[, step]).",
                "SELECT range(5), range(1, 10, 3)",
                (types, args) -> bindRange(types)));
        return functions;
    }

    private static ScalarFunction needsLambda(String name, String description, String example) {
        return SimpleScalarFunction.of(name, description, example, (types, args) -> {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT, "First argument for function " + name + " must be a lambda");
        });
    }

    /** The call of a higher-order function, its lambda body already bound over the parameters. */
    public static BoundExpression bind(
            String name, int parameters, BoundExpression body, List<BoundExpression> arrays) {
        if (arrays.size() != parameters) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Lambda of function " + name + " takes " + parameters + " arguments, " + arrays.size()
                            + " arrays were given");
        }
        for (BoundExpression array : arrays) {
            if (!(array.type() instanceof ArrayType)) {
                throw Operands.illegalType(name, array.type(), 2);
            }
        }
        DataType firstType = arrays.get(0).type();
        ScalarFunction.Binding plain = OVER_VALUES.contains(name)
                ? FunctionRegistry.builtin().scalar(name).bind(List.of(new ArrayType(body.type())), List.of())
                : null;
        DataType result = plain != null
                ? plain.returnType()
                : switch (name) {
                    case "arrayMap" -> new ArrayType(body.type());
                    case "arrayFilter", "arrayFill", "arrayReverseFill", "arraySort", "arrayReverseSort" -> firstType;
                    case "arrayCount", "arrayFirstIndex", "arrayLastIndex" -> IntegerType.UINT32;
                    case "arrayFirst", "arrayLast" -> ((ArrayType) firstType).element();
                    case "arraySplit", "arrayReverseSplit" -> new ArrayType(firstType);
                    default -> IntegerType.UINT8;
                };
        return new FunctionInvocation(name, arrays, result, (columns, rows) -> {
            ArrayColumn first = arrays(columns[0], rows);
            Column values = apply(name, body, columns, first, rows);
            if (plain != null) {
                return plain.kernel().apply(new Column[] {new ArrayColumn(first.offsets(), values, null, rows)}, rows);
            }
            return switch (name) {
                case "arrayMap" -> new ArrayColumn(first.offsets(), values, null, rows);
                case "arraySort", "arrayReverseSort" ->
                    ArrayElementFunctions.sort(first, values, body.type(), name.equals("arrayReverseSort"), rows);
                default -> LambdaResults.of(name, first, truth(values, first.offsets()[rows]), result, rows);
            };
        });
    }

    /** The element types a lambda's parameters take from the arrays. */
    public static List<DataType> parameterTypes(String name, List<BoundExpression> arrays) {
        List<DataType> types = new ArrayList<>();
        for (BoundExpression array : arrays) {
            if (!(array.type() instanceof ArrayType arrayType)) {
                throw Operands.illegalType(name, array.type(), 2);
            }
            types.add(arrayType.element());
        }
        return types;
    }

    /** The lambda's values for every element of the arrays, which must have equal lengths. */
    private static Column apply(String name, BoundExpression body, Column[] columns, ArrayColumn first, int rows) {
        List<Column> elements = new ArrayList<>();
        for (Column column : columns) {
            ArrayColumn arrays = arrays(column, rows);
            ArrayKernels.checkSameSizes(name, first, arrays, rows);
            elements.add(arrays.elements());
        }
        int total = first.offsets()[rows];
        return ExpressionEvaluator.evaluate(body, new Block(total, elements)).materialize();
    }

    private static long[] truth(Column values, int total) {
        long[] truth = new long[total];
        for (int i = 0; i < total; i++) {
            truth[i] = !values.isNull(i) && ((LongColumn) values).get(i) != 0 ? 1 : 0;
        }
        return truth;
    }

    private static ArrayColumn arrays(Column column, int rows) {
        return (ArrayColumn) (column instanceof ConstantColumn ? column.materialize() : column);
    }

    private static Binding bindRange(List<DataType> types) {
        Operands.expectCount("range", types, 1, 3);
        DataType element = types.get(0);
        for (DataType type : types) {
            if (!(type instanceof IntegerType)) {
                throw Operands.illegalType("range", type, 1);
            }
            element = NumericTypes.commonType(element, type);
        }
        DataType elementType = element;
        return new Binding(new ArrayType(elementType), (columns, rows) -> {
            long[][] args = new long[columns.length][];
            for (int i = 0; i < columns.length; i++) {
                args[i] = Operands.longs(columns[i], rows);
            }
            int[] offsets = new int[rows + 1];
            List<Long> values = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                long start = args.length == 1 ? 0 : args[0][row];
                long end = args.length == 1 ? args[0][row] : args[1][row];
                long step = args.length == 3 ? args[2][row] : 1;
                if (step <= 0) {
                    throw new ColumbaException(
                            ErrorCode.ARGUMENT_OUT_OF_BOUND, "Step of function range must be positive");
                }
                for (long value = start; value < end; value += step) {
                    if (values.size() >= 100_000_000) {
                        throw new ColumbaException(
                                ErrorCode.ARGUMENT_OUT_OF_BOUND,
                                "A call to function range would produce too many elements");
                    }
                    values.add(value);
                }
                offsets[row + 1] = values.size();
            }
            long[] out = values.stream().mapToLong(Long::longValue).toArray();
            return new ArrayColumn(offsets, new LongColumn(out, null, out.length), null, rows);
        });
    }
}
