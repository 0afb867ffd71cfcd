package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.List;

/** Numbers rounded down to buckets (roundToExp2, roundAge, roundDuration) and integer powers (intExp2, intExp10). */
public final class BucketFunctions {
    private BucketFunctions() {}

    private static final long[] AGES = {0, 1, 18, 25, 35, 45, 55};
    private static final long[] AGE_VALUES = {0, 17, 18, 25, 35, 45, 55};
    private static final long[] DURATIONS = {
        0, 1, 10, 30, 60, 120, 180, 240, 300, 600, 1200, 1800, 3600, 7200, 18000, 36000
    };

    /** A whole-number function of a double, for integer results. */
    private interface LongOfDouble {
        long apply(double value);
    }

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                        "roundToExp2",
                        "The number rounded down to the nearest power of two (0 below 1), in the argument's type.",
                        "SELECT roundToExp2(31)",
                        (types, args) -> bindRoundToExp2(types)),
                toInteger(
                        "roundAge",
                        "An age rounded down to a bucket: 0, 17, 18, 25, 35, 45 or 55, as UInt8.",
                        "SELECT roundAge(40)",
                        IntegerType.UINT8,
                        value -> floorTo(value, AGES, AGE_VALUES)),
                toInteger(
                        "roundDuration",
                        "A duration in seconds rounded down to 0, 1, 10, 30, 60, 120, 180, 240, 300, 600, 1200,"
                                + " 1800, 3600, 7200, 18000 or 36000, as UInt16.",
                        "SELECT roundDuration(230)",
                        IntegerType.UINT16,
                        value -> floorTo(value, DURATIONS, DURATIONS)),
                toInteger(
                        "intExp2",
                        "2 to the power of the (truncated) argument, as UInt64.",
                        "SELECT intExp2(10)",
                        IntegerType.UINT64,
                        value -> 1L << (long) value),
                toInteger(
                        "intExp10",
                        "10 to the power of the (truncated) argument, as UInt64: 0 below 0, the UInt64 maximum past"
                                + " 19.",
                        "SELECT intExp10(3)",
                        IntegerType.UINT64,
                        BucketFunctions::intExp10));
    }

    private static long floorTo(double value, long[] bounds, long[] values) {
        for (int i = bounds.length - 1; i > 0; i--) {
            if (value >= bounds[i]) {
                return values[i];
            }
        }
        return values[0];
    }

    private static long intExp10(double value) {
        long exponent = (long) value;
        if (exponent < 0) {
            return 0;
        }
        if (exponent > 19) {
            return -1L;
        }
        long result = 1;
        for (long i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }

    private static SimpleScalarFunction toInteger(
            String name, String description, String example, IntegerType result, LongOfDouble function) {
        return SimpleScalarFunction.of(name, description, example, (types, args) -> {
            DataType type = numericArgument(name, types);
            return new Binding(result, (columns, rows) -> {
                if (columns[0] instanceof ConstantColumn) {
                    double value = Operands.doubles(columns[0], type, 1)[0];
                    return new ConstantColumn(new LongColumn(new long[] {function.apply(value)}, null, 1), rows);
                }
                double[] values = Operands.doubles(columns[0], type, rows);
                long[] out = new long[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = function.apply(values[i]);
                }
                return new LongColumn(out, null, rows);
            });
        });
    }

    static DataType numericArgument(String name, List<DataType> types) {
        Operands.expectCount(name, types, 1, 1);
        if (!NumericTypes.isNumeric(types.get(0))) {
            throw Operands.illegalType(name, types.get(0), 1);
        }
        return types.get(0);
    }

    private static Binding bindRoundToExp2(List<DataType> types) {
        DataType type = numericArgument("roundToExp2", types);
        if (type instanceof FloatType) {
            return new Binding(type, (columns, rows) -> {
                Column plain = columns[0].materialize();
                double[] values = ((DoubleColumn) plain).values();
                double[] out = new double[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = values[i] <= 0 ? 0 : Math.scalb(1.0, Math.getExponent(values[i]));
                }
                return new DoubleColumn(out, null, rows);
            });
        }
        boolean unsigned64 = type instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
        return new Binding(type, (columns, rows) -> {
            long[] values = Operands.longs(columns[0].materialize(), rows);
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                long value = values[i];
                boolean positive = unsigned64 ? value != 0 : value > 0;
                out[i] = positive ? Long.highestOneBit(value) : 0;
            }
            return new LongColumn(out, null, rows);
        });
    }
}
