package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.List;

/** bitTest, bitTestAll, bitTestAny, and the modulo variants positiveModulo and moduloOrZero. */
public final class IntegerBitFunctions {
    private IntegerBitFunctions() {}

    private enum BitTest {
        ONE,
        ALL,
        ANY
    }

    public static List<ScalarFunction> all() {
        return List.of(
                bitTest(
                        "bitTest",
                        "1 when the bit at the position (0 = least significant) is set, else 0.",
                        BitTest.ONE),
                bitTest("bitTestAll", "1 when every bit at the given positions is set, else 0.", BitTest.ALL),
                bitTest("bitTestAny", "1 when any bit at the given positions is set, else 0.", BitTest.ANY),
                SimpleScalarFunction.of(
                                "positiveModulo",
                                "The remainder of a division, made non-negative by adding the divisor's magnitude;"
                                        + " an unsigned integer of the divisor's size, or Float64.",
                                "SELECT positiveModulo(-1, 10)",
                                (types, args) -> bindModulo("positiveModulo", types, true))
                        .withAliases("positive_modulo", "pmod"),
                SimpleScalarFunction.of(
                        "moduloOrZero",
                        "As modulo, but 0 when the divisor is zero.",
                        "SELECT moduloOrZero(5, 0)",
                        (types, args) -> bindModulo("moduloOrZero", types, false)));
    }

    private static SimpleScalarFunction bitTest(String name, String description, BitTest kind) {
        String example = kind == BitTest.ONE ? "SELECT " + name + "(43, 1)" : "SELECT " + name + "(43, 0, 1, 3)";
        return SimpleScalarFunction.of(name, description, example, (types, args) -> {
            if (kind == BitTest.ONE) {
                Operands.expectCount(name, types, 2, 2);
            } else {
                Operands.expectCount(name, types, 2, Integer.MAX_VALUE);
            }
            for (int i = 0; i < types.size(); i++) {
                if (!(types.get(i) instanceof IntegerType)) {
                    throw Operands.illegalType(name, types.get(i), i + 1);
                }
            }
            return new Binding(IntegerType.UINT8, (columns, rows) -> testBits(columns, rows, kind));
        });
    }

    private static Column testBits(Column[] columns, int rows, BitTest kind) {
        long[] values = Operands.longs(columns[0], rows);
        long[] out = new long[rows];
        boolean all = kind == BitTest.ALL;
        for (int i = 0; i < rows; i++) {
            out[i] = all ? 1 : 0;
        }
        for (int a = 1; a < columns.length; a++) {
            long[] positions = Operands.longs(columns[a], rows);
            for (int i = 0; i < rows; i++) {
                long bit = positions[i] >= 0 && positions[i] < 64 ? (values[i] >>> positions[i]) & 1 : 0;
                out[i] = all ? out[i] & bit : out[i] | bit;
            }
        }
        return new LongColumn(out, null, rows);
    }

    private static Binding bindModulo(String name, List<DataType> types, boolean positive) {
        Operands.expectCount(name, types, 2, 2);
        DataType left = types.get(0);
        DataType right = types.get(1);
        if (!NumericTypes.isNumeric(left) || !NumericTypes.isNumeric(right)) {
            throw Operands.illegalTypes(name, left, right);
        }
        if (left instanceof FloatType || right instanceof FloatType) {
            DataType result = positive ? FloatType.FLOAT64 : NumericTypes.moduloResult(left, right);
            return new Binding(result, (columns, rows) -> {
                double[] a = Operands.doubles(columns[0], left, rows);
                double[] b = Operands.doubles(columns[1], right, rows);
                double[] out = new double[rows];
                for (int i = 0; i < rows; i++) {
                    double remainder = b[i] == 0 && !positive ? 0 : a[i] % b[i];
                    out[i] = positive && remainder < 0 ? remainder + Math.abs(b[i]) : remainder;
                }
                return new DoubleColumn(out, null, rows);
            });
        }
        IntegerType divisor = (IntegerType) right;
        IntegerType result = positive
                ? IntegerType.of(divisor.bytes(), false)
                : (IntegerType) NumericTypes.moduloResult(left, right);
        boolean unsigned64 = isUnsigned64(left) || isUnsigned64(right);
        return new Binding(result, (columns, rows) -> {
            long[] a = Operands.longs(columns[0], rows);
            long[] b = Operands.longs(columns[1], rows);
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                if (b[i] == 0) {
                    if (positive && !columns[0].isNull(i) && !columns[1].isNull(i)) {
                        throw new ColumbaException(ErrorCode.ILLEGAL_DIVISION, "Division by zero");
                    }
                    continue;
                }
                long remainder = unsigned64 ? Long.remainderUnsigned(a[i], b[i]) : a[i] % b[i];
                if (positive && remainder < 0 && !unsigned64) {
                    remainder += Math.abs(b[i]);
                }
                out[i] = result.wrap(remainder);
            }
            return new LongColumn(out, null, rows);
        });
    }

    private static boolean isUnsigned64(DataType type) {
        return type instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
    }
}
