package io.columba.executor.function.scalar;

import io.columba.executor.function.Kernel;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.NullableType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Functions whose value depends on the block a row is in, as in ClickHouse: blockSize, rowNumberInAllBlocks,
 * runningDifference and neighbor see only the rows of the current block.
 */
public final class BlockFunctions {
    private BlockFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                        "blockSize",
                        "The number of rows in the current block, as UInt64.",
                        "SELECT blockSize()",
                        (types, args) -> {
                            Operands.expectCount("blockSize", types, 0, 0);
                            return new Binding(
                                    IntegerType.UINT64,
                                    ValueFunctions.nonDeterministic((columns, rows) ->
                                            new ConstantColumn(new LongColumn(new long[] {rows}, null, 1), rows)));
                        }),
                SimpleScalarFunction.of(
                        "rowNumberInAllBlocks",
                        "The 0-based number of the row among all rows the query has computed this function for.",
                        "SELECT max(rowNumberInAllBlocks()) FROM numbers(3)",
                        (types, args) -> {
                            Operands.expectCount("rowNumberInAllBlocks", types, 0, 0);
                            AtomicLong next = new AtomicLong();
                            return new Binding(IntegerType.UINT64, ValueFunctions.nonDeterministic((columns, rows) -> {
                                long first = next.getAndAdd(rows);
                                long[] out = new long[rows];
                                for (int i = 0; i < rows; i++) {
                                    out[i] = first + i;
                                }
                                return new LongColumn(out, null, rows);
                            }));
                        }),
                difference(
                        "runningDifference",
                        "The difference between the value and the previous row's value in the block; 0 for the"
                                + " first row; NULLs are skipped.",
                        false),
                difference(
                        "runningDifferenceStartingWithFirstValue",
                        "As runningDifference, but the first row gives its own value.",
                        true),
                SimpleScalarFunction.of(
                                "neighbor",
                                "The value of the row at the given offset from this one within the block; the default"
                                        + " (third argument, or the type's default) beyond the block.",
                                "SELECT groupArray(neighbor(number, 1)) FROM numbers(4)",
                                BlockFunctions::bindNeighbor)
                        .seeingNulls());
    }

    private static SimpleScalarFunction difference(String name, String description, boolean startWithValue) {
        return SimpleScalarFunction.of(
                        name,
                        description,
                        "SELECT groupArray(" + name + "(number * number)) FROM numbers(4)",
                        (types, args) -> bindDifference(name, types, startWithValue))
                .seeingNulls();
    }

    private static Binding bindDifference(String name, List<DataType> types, boolean startWithValue) {
        Operands.expectCount(name, types, 1, 1);
        DataType input = types.get(0);
        DataType plain = input.withoutNullable();
        DataType result = switch (plain) {
            case IntegerType integer when integer.bytes() < 8 -> IntegerType.of(integer.bytes() * 2, true);
            case IntegerType ignored -> IntegerType.INT64;
            case FloatType ignored -> FloatType.FLOAT64;
            case DateType ignored -> IntegerType.INT32;
            case DateTimeType ignored -> IntegerType.INT64;
            default -> throw Operands.illegalType(name, input, 1);
        };
        DataType output = input.isNullable() ? NullableType.of(result) : result;
        Kernel kernel = (columns, rows) -> {
            Column values = columns[0].materialize();
            boolean[] nulls = values.nulls();
            if (values instanceof DoubleColumn doubles) {
                double[] out = new double[rows];
                boolean seen = false;
                double previous = 0;
                for (int i = 0; i < rows; i++) {
                    if (nulls != null && nulls[i]) {
                        continue;
                    }
                    double value = doubles.get(i);
                    out[i] = seen ? value - previous : startWithValue ? value : 0;
                    seen = true;
                    previous = value;
                }
                return new DoubleColumn(out, nulls, rows);
            }
            long[] longs = ((LongColumn) values).values();
            long[] out = new long[rows];
            boolean seen = false;
            long previous = 0;
            for (int i = 0; i < rows; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                out[i] = seen ? longs[i] - previous : startWithValue ? longs[i] : 0;
                seen = true;
                previous = longs[i];
            }
            return new LongColumn(out, nulls, rows);
        };
        return new Binding(output, ValueFunctions.nonDeterministic(kernel));
    }

    private static Binding bindNeighbor(
            List<DataType> types, List<io.columba.executor.expression.BoundExpression> args) {
        Operands.expectCount("neighbor", types, 2, 3);
        DataType offsetType = types.get(1).withoutNullable();
        if (!(offsetType instanceof IntegerType)) {
            throw Operands.illegalType("neighbor", types.get(1), 2);
        }
        DataType input = types.get(0);
        DataType result = types.size() == 3 ? NumericTypes.commonType(input, types.get(2)) : input;
        return new Binding(result, ValueFunctions.nonDeterministic((columns, rows) -> {
            Column values = TypeConversion.cast(columns[0], input, result, rows).materialize();
            Column fallback = types.size() == 3
                    ? TypeConversion.cast(columns[2], types.get(2), result, rows)
                            .materialize()
                    : ColumnBuilder.defaults(result, rows);
            Column offsets = columns[1].materialize();
            ColumnBuilder out = ColumnBuilder.forType(result, rows);
            for (int i = 0; i < rows; i++) {
                long target = i + ((LongColumn) offsets).get(i);
                if (offsets.isNull(i) || target < 0 || target >= rows) {
                    out.appendFrom(fallback, i);
                } else {
                    out.appendFrom(values, (int) target);
                }
            }
            return out.build();
        }));
    }
}
