package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.List;
import java.util.function.LongBinaryOperator;

/** Bit operations, bitCount, gcd and lcm on integers, with ClickHouse's result types. */
public final class IntegerFunctions {
    private IntegerFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                bitwise("bitAnd", "Bitwise AND.", (a, b) -> a & b),
                bitwise("bitOr", "Bitwise OR.", (a, b) -> a | b),
                bitwise("bitXor", "Bitwise XOR.", (a, b) -> a ^ b),
                shift("bitShiftLeft", true),
                shift("bitShiftRight", false),
                SimpleScalarFunction.of(
                        "bitNot",
                        "Bitwise NOT, in the argument's type.",
                        "SELECT bitNot(toUInt8(5))",
                        (types, args) -> {
                            IntegerType type = integer("bitNot", types, 0);
                            return new Binding(
                                    type,
                                    (columns, rows) -> map(columns[0], types.get(0), rows, value -> type.wrap(~value)));
                        }),
                SimpleScalarFunction.of(
                        "bitCount",
                        "The number of bits set in the integer's two's complement.",
                        "SELECT bitCount(7)",
                        (types, args) -> {
                            IntegerType type = integer("bitCount", types, 0);
                            long mask = type.bytes() == 8 ? -1L : (1L << (type.bytes() * 8)) - 1;
                            return new Binding(
                                    IntegerType.UINT8,
                                    (columns, rows) ->
                                            map(columns[0], types.get(0), rows, value -> Long.bitCount(value & mask)));
                        }),
                euclid("gcd", "The greatest common divisor.", true),
                euclid("lcm", "The least common multiple.", false));
    }

    private static IntegerType integer(String name, List<DataType> types, int position) {
        Operands.expectCount(name, types, position + 1, position + 2);
        DataType type = types.get(position);
        if (type instanceof FloatType) {
            return IntegerType.INT64;
        }
        if (!(type instanceof IntegerType integer)) {
            throw Operands.illegalType(name, type, position + 1);
        }
        return integer;
    }

    private static LongColumn map(
            io.columba.storage.column.Column column, DataType type, int rows, java.util.function.LongUnaryOperator f) {
        long[] values = Operands.longs(TypeConversion.cast(column, type, integerOf(type), rows), rows);
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = f.applyAsLong(values[i]);
        }
        return new LongColumn(out, null, rows);
    }

    private static DataType integerOf(DataType type) {
        return type instanceof FloatType ? IntegerType.INT64 : type;
    }

    private static SimpleScalarFunction bitwise(String name, String description, LongBinaryOperator operator) {
        return SimpleScalarFunction.of(
                name,
                description + " The wider type; signed if either is.",
                "SELECT " + name + "(12, 10)",
                (types, args) -> {
                    Operands.expectCount(name, types, 2, 2);
                    IntegerType left = integer(name, types.subList(0, 1), 0);
                    IntegerType right = integer(name, types.subList(1, 2), 0);
                    IntegerType result =
                            IntegerType.of(Math.max(left.bytes(), right.bytes()), left.signed() || right.signed());
                    return new Binding(result, (columns, rows) -> combine(columns, types, rows, result, operator));
                });
    }

    private static LongColumn combine(
            io.columba.storage.column.Column[] columns,
            List<DataType> types,
            int rows,
            IntegerType result,
            LongBinaryOperator operator) {
        long[] left =
                Operands.longs(TypeConversion.cast(columns[0], types.get(0), integerOf(types.get(0)), rows), rows);
        long[] right =
                Operands.longs(TypeConversion.cast(columns[1], types.get(1), integerOf(types.get(1)), rows), rows);
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = result.wrap(operator.applyAsLong(left[i], right[i]));
        }
        return new LongColumn(out, null, rows);
    }

    private static SimpleScalarFunction shift(String name, boolean left) {
        return SimpleScalarFunction.of(
                name,
                "The integer's bits shifted " + (left ? "left" : "right") + " by n, in the integer's type.",
                "SELECT " + name + "(1, 3)",
                (types, args) -> {
                    Operands.expectCount(name, types, 2, 2);
                    IntegerType type = integer(name, types.subList(0, 1), 0);
                    integer(name, types.subList(1, 2), 0);
                    boolean unsigned = !type.signed();
                    return new Binding(
                            type,
                            (columns, rows) -> combine(columns, types, rows, type, (a, b) -> {
                                if (b >= 64 || b < 0) {
                                    return 0;
                                }
                                return left ? a << b : unsigned ? a >>> b : a >> b;
                            }));
                });
    }

    private static SimpleScalarFunction euclid(String name, String description, boolean gcd) {
        return SimpleScalarFunction.of(name, description, "SELECT " + name + "(12, 8)", (types, args) -> {
            Operands.expectCount(name, types, 2, 2);
            integer(name, types.subList(0, 1), 0);
            integer(name, types.subList(1, 2), 0);
            IntegerType result = (IntegerType) NumericTypes.additionResult(types.get(0), types.get(1));
            return new Binding(
                    result,
                    (columns, rows) -> combine(columns, types, rows, result, (a, b) -> {
                        if (!gcd && (a == 0 || b == 0)) {
                            throw new ColumbaException(ErrorCode.BAD_ARGUMENTS, "Division by zero in function lcm");
                        }
                        long divisor = gcd(Math.abs(a), Math.abs(b));
                        return gcd ? divisor : Math.abs(a / divisor * b);
                    }));
        });
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
