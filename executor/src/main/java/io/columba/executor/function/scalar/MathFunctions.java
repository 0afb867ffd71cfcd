package io.columba.executor.function.scalar;

import io.columba.executor.function.Kernel;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** Float64 mathematics (exp, log, sqrt, trigonometry, pow), constants, sign and the NaN/infinity tests. */
public final class MathFunctions {
    private MathFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                unary("exp", "e raised to the number.", Math::exp),
                unary("log", "The natural logarithm.", Math::log)
                        .withAliases("ln")
                        .ignoringCase(),
                unary("log2", "The binary logarithm.", x -> Math.log(x) / Math.log(2)),
                unary("log10", "The decimal logarithm.", Math::log10),
                unary("log1p", "log(1 + x), exact for small x.", Math::log1p),
                unary("exp2", "2 raised to the number.", x -> Math.pow(2, x)),
                unary("exp10", "10 raised to the number.", x -> Math.pow(10, x)),
                unary("sqrt", "The square root.", Math::sqrt),
                unary("cbrt", "The cube root.", Math::cbrt),
                unary("sin", "The sine (radians).", Math::sin),
                unary("cos", "The cosine (radians).", Math::cos),
                unary("tan", "The tangent (radians).", Math::tan),
                unary("asin", "The arc sine, in radians.", Math::asin),
                unary("acos", "The arc cosine, in radians.", Math::acos),
                unary("atan", "The arc tangent, in radians.", Math::atan),
                unary("sinh", "The hyperbolic sine.", Math::sinh),
                unary("cosh", "The hyperbolic cosine.", Math::cosh),
                unary("tanh", "The hyperbolic tangent.", Math::tanh),
                unary("degrees", "Radians converted to degrees.", Math::toDegrees),
                unary("radians", "Degrees converted to radians.", Math::toRadians),
                binary("pow", "The first number raised to the second.", Math::pow)
                        .withAliases("power")
                        .ignoringCase(),
                binary("atan2", "The angle of the point (x, y) given as atan2(y, x), in radians.", Math::atan2),
                binary("hypot", "The length of the hypotenuse of a right triangle with these sides.", Math::hypot),
                constant("pi", "The number π.", Math.PI),
                constant("e", "Euler's number e.", Math.E),
                SimpleScalarFunction.of(
                        "sign",
                        "-1, 0 or 1 as the number is negative, zero or positive (Int8).",
                        "SELECT sign(-3), sign(0), sign(2.5)",
                        (types, args) -> {
                            DataType type = numeric("sign", types);
                            return new Binding(IntegerType.INT8, (columns, rows) -> {
                                double[] values = Operands.doubles(columns[0], type, rows);
                                long[] out = new long[rows];
                                for (int i = 0; i < rows; i++) {
                                    out[i] = values[i] > 0 ? 1 : values[i] < 0 ? -1 : 0;
                                }
                                return new LongColumn(out, null, rows);
                            });
                        }),
                test("isNaN", "1 when the number is NaN.", 0),
                test("isFinite", "1 when the number is neither infinite nor NaN.", 1),
                test("isInfinite", "1 when the number is +inf or -inf.", 2));
    }

    private static DataType numeric(String name, List<DataType> types) {
        Operands.expectCount(name, types, 1, 1);
        if (!NumericTypes.isNumeric(types.get(0))) {
            throw Operands.illegalType(name, types.get(0), 1);
        }
        return types.get(0);
    }

    private static SimpleScalarFunction unary(String name, String description, DoubleUnaryOperator operator) {
        return SimpleScalarFunction.of(name, description + " Float64.", "SELECT " + name + "(1)", (types, args) -> {
            DataType type = numeric(name, types);
            return new Binding(FloatType.FLOAT64, (columns, rows) -> {
                double[] values = Operands.doubles(columns[0], type, rows);
                double[] out = new double[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = operator.applyAsDouble(values[i]);
                }
                return new DoubleColumn(out, null, rows);
            });
        });
    }

    private static SimpleScalarFunction binary(String name, String description, DoubleBinaryOperator operator) {
        return SimpleScalarFunction.of(name, description + " Float64.", "SELECT " + name + "(2, 3)", (types, args) -> {
            Operands.expectCount(name, types, 2, 2);
            for (int i = 0; i < 2; i++) {
                if (!NumericTypes.isNumeric(types.get(i))) {
                    throw Operands.illegalType(name, types.get(i), i + 1);
                }
            }
            return new Binding(FloatType.FLOAT64, (columns, rows) -> {
                double[] left = Operands.doubles(columns[0], types.get(0), rows);
                double[] right = Operands.doubles(columns[1], types.get(1), rows);
                double[] out = new double[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = operator.applyAsDouble(left[i], right[i]);
                }
                return new DoubleColumn(out, null, rows);
            });
        });
    }

    private static SimpleScalarFunction constant(String name, String description, double value) {
        return SimpleScalarFunction.of(name, description + " Float64.", "SELECT " + name + "()", (types, args) -> {
            Operands.expectCount(name, types, 0, 0);
            return new Binding(FloatType.FLOAT64, (columns, rows) -> {
                double[] out = new double[rows];
                java.util.Arrays.fill(out, value);
                return new DoubleColumn(out, null, rows);
            });
        });
    }

    private static SimpleScalarFunction test(String name, String description, int kind) {
        return SimpleScalarFunction.of(name, description + " UInt8.", "SELECT " + name + "(1 / 0)", (types, args) -> {
            DataType type = numeric(name, types);
            Kernel kernel = (columns, rows) -> {
                double[] values = Operands.doubles(columns[0], type, rows);
                long[] out = new long[rows];
                for (int i = 0; i < rows; i++) {
                    double v = values[i];
                    boolean yes = switch (kind) {
                        case 0 -> Double.isNaN(v);
                        case 1 -> Double.isFinite(v);
                        default -> Double.isInfinite(v);
                    };
                    out[i] = yes ? 1 : 0;
                }
                return new LongColumn(out, null, rows);
            };
            return new Binding(IntegerType.UINT8, kernel);
        });
    }
}
