package io.columba.executor.function.scalar;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.Constant;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.List;

/**
 * round, roundBankers, floor, ceil and trunc to N decimal places (negative N: to tens, hundreds...). The result has
 * the argument's type. Floats round half to even (banker's rounding, as ClickHouse documents); integers round half
 * away from zero.
 */
public final class RoundingFunctions {
    private RoundingFunctions() {}

    private enum Mode {
        ROUND,
        BANKERS,
        FLOOR,
        CEIL,
        TRUNC
    }

    public static List<ScalarFunction> all() {
        return List.of(
                function("round", Mode.ROUND, "to the nearest value (floats: half to even)")
                        .ignoringCase(),
                function("roundBankers", Mode.BANKERS, "to the nearest value, halves to the even one"),
                function("floor", Mode.FLOOR, "down").ignoringCase(),
                function("ceil", Mode.CEIL, "up").ignoringCase().withAliases("ceiling"),
                function("trunc", Mode.TRUNC, "toward zero").ignoringCase().withAliases("truncate"));
    }

    private static SimpleScalarFunction function(String name, Mode mode, String how) {
        return SimpleScalarFunction.of(
                name,
                "Rounds x " + how + " at N decimal places: " + name + "(x[, N]); N may be negative.",
                "SELECT " + name + "(1234.5678, 2), " + name + "(1234.5678, -2)",
                (types, args) -> bind(name, mode, types, args));
    }

    private static Binding bind(String name, Mode mode, List<DataType> types, List<BoundExpression> args) {
        Operands.expectCount(name, types, 1, 2);
        DataType type = types.get(0);
        if (!(type instanceof IntegerType || type instanceof FloatType)) {
            throw Operands.illegalType(name, type, 1);
        }
        int places = 0;
        if (types.size() == 2) {
            if (!(args.get(1) instanceof Constant constant) || !(constant.type() instanceof IntegerType)) {
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_COLUMN, "Scale argument for rounding function " + name + " must be constant");
            }
            places = (int) Math.max(-20, Math.min(20, constant.longValue()));
        }
        int scale = places;
        return new Binding(type, (columns, rows) -> {
            Column values = columns[0] instanceof ConstantColumn ? columns[0].materialize() : columns[0];
            return switch (values) {
                case DoubleColumn doubles -> roundDoubles(doubles, rows, mode, scale, ((FloatType) type).bytes() == 4);
                case LongColumn longs -> roundLongs(longs, rows, mode, scale, (IntegerType) type);
                default -> throw new IllegalStateException("not a number column");
            };
        });
    }

    private static Column roundDoubles(DoubleColumn values, int rows, Mode mode, int places, boolean float32) {
        double[] out = new double[rows];
        double factor = Math.pow(10, Math.abs(places));
        for (int i = 0; i < rows; i++) {
            double value = values.get(i);
            double scaled = places >= 0 ? value * factor : value / factor;
            double rounded = switch (mode) {
                case ROUND, BANKERS -> Math.rint(scaled);
                case FLOOR -> Math.floor(scaled);
                case CEIL -> Math.ceil(scaled);
                case TRUNC -> scaled < 0 ? Math.ceil(scaled) : Math.floor(scaled);
            };
            double result = places >= 0 ? rounded / factor : rounded * factor;
            if (!Double.isFinite(scaled)) {
                result = value;
            }
            out[i] = float32 ? (float) result : result;
        }
        return new DoubleColumn(out, null, rows);
    }

    private static Column roundLongs(LongColumn values, int rows, Mode mode, int places, IntegerType type) {
        long[] out = new long[rows];
        if (places >= 0) {
            System.arraycopy(values.values(), 0, out, 0, rows);
            return new LongColumn(out, null, rows);
        }
        long unit = 1;
        for (int i = 0; i < -places && unit <= Long.MAX_VALUE / 10; i++) {
            unit *= 10;
        }
        for (int i = 0; i < rows; i++) {
            long value = values.get(i);
            long down = Math.floorDiv(value, unit) * unit;
            long remainder = value - down;
            long rounded = switch (mode) {
                case FLOOR -> down;
                case CEIL -> remainder == 0 ? value : down + unit;
                case TRUNC -> value < 0 && remainder != 0 ? down + unit : down;
                case ROUND -> roundHalfAwayFromZero(value, down, remainder, unit);
                case BANKERS -> roundHalfEven(down, remainder, unit);
            };
            out[i] = type.wrap(rounded);
        }
        return new LongColumn(out, null, rows);
    }

    private static long roundHalfAwayFromZero(long value, long down, long remainder, long unit) {
        long twice = remainder * 2;
        if (twice > unit || (twice == unit && value >= 0)) {
            return down + unit;
        }
        return down;
    }

    private static long roundHalfEven(long down, long remainder, long unit) {
        long twice = remainder * 2;
        if (twice > unit || (twice == unit && Math.floorMod(Math.floorDiv(down, unit), 2) != 0)) {
            return down + unit;
        }
        return down;
    }
}
