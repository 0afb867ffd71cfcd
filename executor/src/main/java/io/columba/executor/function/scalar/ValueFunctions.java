package io.columba.executor.function.scalar;

import io.columba.executor.function.Kernel;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.UuidType;
import java.security.SecureRandom;
import java.util.List;

/** Functions about values rather than their domain: materialize, ignore, throwIf, sleep, defaults, UUIDv4. */
public final class ValueFunctions {
    private ValueFunctions() {}

    /** sleep's limit per block, as ClickHouse's: three seconds. */
    private static final double MAXIMUM_SLEEP_SECONDS = 3;

    private static final SecureRandom RANDOM = new SecureRandom();

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                                "materialize",
                                "The argument as a full column: a constant becomes one value per row.",
                                "SELECT materialize(1)",
                                (types, args) -> {
                                    Operands.expectCount("materialize", types, 1, 1);
                                    return new Binding(types.get(0), nonDeterministic((c, rows) -> c[0].materialize()));
                                })
                        .seeingNulls(),
                SimpleScalarFunction.of(
                                "ignore",
                                "Accepts any arguments and returns 0 (UInt8): keeps a column in a query without using"
                                        + " it.",
                                "SELECT ignore(1, 'a', [2])",
                                (types, args) -> new Binding(
                                        IntegerType.UINT8, (c, rows) -> new LongColumn(new long[rows], null, rows)))
                        .seeingNulls(),
                SimpleScalarFunction.of(
                        "throwIf",
                        "0 when every value is zero; otherwise fails with FUNCTION_THROW_IF_VALUE_IS_NON_ZERO and the"
                                + " optional message.",
                        "SELECT throwIf(1 = 2)",
                        ValueFunctions::bindThrowIf),
                SimpleScalarFunction.of(
                        "sleep",
                        "Sleeps the given seconds (at most 3) once per block and returns 0.",
                        "SELECT sleep(0.001)",
                        (types, args) -> bindSleep("sleep", types, false)),
                SimpleScalarFunction.of(
                        "sleepEachRow",
                        "Sleeps the given seconds for each row (at most 3 per block) and returns 0.",
                        "SELECT sleepEachRow(0.001)",
                        (types, args) -> bindSleep("sleepEachRow", types, true)),
                SimpleScalarFunction.of(
                        "defaultValueOfTypeName",
                        "The default value of the named type: 0, '', an empty array, or NULL for Nullable types.",
                        "SELECT defaultValueOfTypeName('Nullable(Int8)'), defaultValueOfTypeName('String')",
                        (types, args) -> {
                            Operands.expectCount("defaultValueOfTypeName", types, 1, 1);
                            String name = ConversionFunctions.constantString("defaultValueOfTypeName", args.get(0));
                            DataType type = DataTypeParser.parse(name);
                            Column value = ColumnBuilder.defaults(type, 1);
                            return new Binding(type, (c, rows) -> new ConstantColumn(value, rows));
                        }),
                SimpleScalarFunction.of(
                        "generateUUIDv4",
                        "A random version 4 UUID per row; an optional argument only keeps calls apart.",
                        "SELECT length(toString(generateUUIDv4())) = 36",
                        (types, args) -> {
                            Operands.expectCount("generateUUIDv4", types, 0, 1);
                            return new Binding(UuidType.UUID, nonDeterministic(ValueFunctions::uuids));
                        }));
    }

    /** A kernel that is run for every block, never folded at plan time. */
    static Kernel nonDeterministic(Kernel kernel) {
        return new Kernel() {
            @Override
            public Column apply(Column[] arguments, int rows) {
                return kernel.apply(arguments, rows);
            }

            @Override
            public boolean deterministic() {
                return false;
            }
        };
    }

    private static Binding bindThrowIf(
            List<DataType> types, List<io.columba.executor.expression.BoundExpression> args) {
        Operands.expectCount("throwIf", types, 1, 2);
        DataType type = types.get(0);
        if (!NumericTypes.isNumeric(type)) {
            throw Operands.illegalType("throwIf", type, 1);
        }
        String message = types.size() == 2
                ? ConversionFunctions.constantString("throwIf", args.get(1))
                : "Value passed to 'throwIf' function is non zero";
        return new Binding(IntegerType.UINT8, (columns, rows) -> {
            double[] values = Operands.doubles(columns[0], type, rows);
            for (int i = 0; i < rows; i++) {
                if (values[i] != 0 && !columns[0].isNull(i)) {
                    throw new ColumbaException(ErrorCode.FUNCTION_THROW_IF_VALUE_IS_NON_ZERO, message);
                }
            }
            return new LongColumn(new long[rows], null, rows);
        });
    }

    private static Binding bindSleep(String name, List<DataType> types, boolean eachRow) {
        Operands.expectCount(name, types, 1, 1);
        if (!NumericTypes.isNumeric(types.get(0))) {
            throw Operands.illegalType(name, types.get(0), 1);
        }
        DataType type = types.get(0);
        return new Binding(IntegerType.UINT8, nonDeterministic((columns, rows) -> {
            double seconds = Operands.doubles(columns[0], type, Math.max(rows, 1))[0];
            double total = eachRow ? seconds * rows : seconds;
            if (seconds < 0 || Double.isNaN(seconds)) {
                throw new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS, "Cannot sleep infinite, very large or negative time in " + name);
            }
            if (total > MAXIMUM_SLEEP_SECONDS) {
                throw new ColumbaException(
                        ErrorCode.TOO_SLOW,
                        "The maximum sleep time is 3000000 microseconds. Requested: " + (long) (total * 1e6));
            }
            if (rows > 0 && total > 0) {
                try {
                    Thread.sleep((long) (total * 1000), (int) ((total * 1e9) % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ColumbaException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled during " + name);
                }
            }
            return new LongColumn(new long[rows], null, rows);
        }));
    }

    private static Column uuids(Column[] columns, int rows) {
        byte[] data = new byte[rows * 16];
        RANDOM.nextBytes(data);
        int[] offsets = new int[rows + 1];
        for (int i = 0; i < rows; i++) {
            int at = i * 16;
            // Text byte 6 holds the version and byte 8 the variant; text byte k is held at k ^ 8.
            data[at + 14] = (byte) ((data[at + 14] & 0x0F) | 0x40);
            data[at] = (byte) ((data[at] & 0x3F) | 0x80);
            offsets[i + 1] = at + 16;
        }
        return new StringColumn(data, offsets, null, rows);
    }
}
