package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.executor.function.scalar.TypeConversion;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import java.util.Arrays;

/**
 * Every value of each group (quantile, quantileExact, quantileTiming): integers in {@code long[]} lists, floats in
 * {@code double[]} lists, one list a group grown by doubling.
 */
final class QuantileValueStates implements AggregateStates {
    private static final long TIMING_MAXIMUM = 30000;
    /**
     * The most values ClickHouse's quantileTiming keeps one by one (its medium array, while smaller than the
     * histogram it turns into: 22688 bytes / 2 bytes a value / 2); past them it answers from the histogram.
     */
    private static final int TIMING_EXACT_LIMIT = 5672;
    /** Below this every value has its own histogram bucket; above, buckets are {@link #TIMING_BUCKET} wide. */
    private static final long TIMING_SMALL = 1024;

    private static final long TIMING_BUCKET = 16;

    private final QuantileFunction function;
    private final QuantileFunction.Method method;
    private final DataType result;
    private final boolean unsigned64;
    /** Values kept as longs: integer arguments (timing keeps every argument as a whole number). */
    private final boolean integral;

    private long[][] longs = new long[16][];
    private double[][] doubles = new double[16][];
    private int[] sizes = new int[16];

    QuantileValueStates(
            QuantileFunction function,
            QuantileFunction.Method method,
            DataType type,
            DataType result,
            boolean unsigned64) {
        this.function = function;
        this.method = method;
        this.result = result;
        this.unsigned64 = unsigned64;
        this.integral = method == QuantileFunction.Method.TIMING || !(type instanceof FloatType);
    }

    private void grow(int groupCount) {
        if (sizes.length < groupCount) {
            int size = Math.max(groupCount, sizes.length * 2);
            sizes = Arrays.copyOf(sizes, size);
            longs = Arrays.copyOf(longs, size);
            doubles = Arrays.copyOf(doubles, size);
        }
    }

    private void addLong(int group, long value) {
        long[] list = longs[group];
        if (list == null) {
            list = longs[group] = new long[4];
        } else if (sizes[group] == list.length) {
            list = longs[group] = Arrays.copyOf(list, list.length * 2);
        }
        list[sizes[group]++] = value;
    }

    private void addDouble(int group, double value) {
        double[] list = doubles[group];
        if (list == null) {
            list = doubles[group] = new double[4];
        } else if (sizes[group] == list.length) {
            list = doubles[group] = Arrays.copyOf(list, list.length * 2);
        }
        list[sizes[group]++] = value;
    }

    @Override
    public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
        grow(groupCount);
        Column column = arguments[0].materialize();
        if (column instanceof LongColumn longColumn) {
            long[] values = longColumn.values();
            boolean timing = method == QuantileFunction.Method.TIMING;
            for (int i = 0; i < rows; i++) {
                long value = values[i];
                // Timing reads values as UInt64: a negative one is huge and capped like any above 30000.
                addLong(groups[i], timing && Long.compareUnsigned(value, TIMING_MAXIMUM) > 0 ? TIMING_MAXIMUM : value);
            }
            return;
        }
        double[] values = Operands.doubles(column, FloatType.FLOAT64, rows);
        for (int i = 0; i < rows; i++) {
            if (integral) {
                // Negative times read as huge unsigned numbers, so they are capped too.
                double value = values[i];
                addLong(groups[i], value < 0 || value > TIMING_MAXIMUM ? TIMING_MAXIMUM : (long) value);
            } else {
                addDouble(groups[i], values[i]);
            }
        }
    }

    @Override
    public void merge(AggregateStates other, int[] mapping, int groupCount) {
        QuantileValueStates from = (QuantileValueStates) other;
        grow(groupCount);
        for (int g = 0; g < mapping.length && g < from.sizes.length; g++) {
            for (int i = 0; i < from.sizes[g]; i++) {
                if (integral) {
                    addLong(mapping[g], from.longs[g][i]);
                } else {
                    addDouble(mapping[g], from.doubles[g][i]);
                }
            }
        }
    }

    @Override
    public Column result(int groupCount) {
        grow(groupCount);
        double[] levels = function.levels();
        int count = groupCount * levels.length;
        boolean floatResult = result instanceof FloatType;
        long[] longOut = floatResult ? null : new long[count];
        double[] doubleOut = floatResult ? new double[count] : null;
        for (int g = 0; g < groupCount; g++) {
            int size = sizes[g];
            long[] sortedLongs = integral && size > 0 ? sortedLongs(g) : null;
            double[] sortedDoubles = !integral && size > 0 ? sortedDoubles(g) : null;
            for (int l = 0; l < levels.length; l++) {
                int at = g * levels.length + l;
                if (size == 0) {
                    if (floatResult) {
                        doubleOut[at] = function.many() && method == QuantileFunction.Method.EXACT ? 0 : Double.NaN;
                    }
                    continue;
                }
                if (method == QuantileFunction.Method.INTERPOLATED) {
                    double value = interpolated(sortedLongs, sortedDoubles, size, levels[l]);
                    if (floatResult) {
                        doubleOut[at] = value;
                    } else {
                        longOut[at] = (long) value;
                    }
                    continue;
                }
                if (method == QuantileFunction.Method.TIMING && size > TIMING_EXACT_LIMIT) {
                    doubleOut[at] = timingHistogramQuantile(sortedLongs, size, levels[l]);
                    continue;
                }
                int index = levels[l] < 1 ? (int) (levels[l] * size) : size - 1;
                if (integral && floatResult) {
                    double value = asDouble(sortedLongs[index]);
                    doubleOut[at] = result == FloatType.FLOAT32 ? (float) value : value;
                } else if (integral) {
                    longOut[at] = sortedLongs[index];
                } else {
                    doubleOut[at] = result == FloatType.FLOAT32 ? (float) sortedDoubles[index] : sortedDoubles[index];
                }
            }
        }
        Column elements = floatResult ? new DoubleColumn(doubleOut, null, count) : new LongColumn(longOut, null, count);
        return function.result(elements, groupCount);
    }

    /**
     * quantileTiming past {@link #TIMING_EXACT_LIMIT} values, as ClickHouse's QuantileTimingLarge histogram answers:
     * the key of the first bucket whose running count reaches ceil(count * level), buckets being each value below
     * 1024 and 16-wide ranges up to 30000 (keyed by their start plus a fixed jitter in [-8, 8)); 30000 past them.
     */
    private static double timingHistogramQuantile(long[] sorted, int size, double level) {
        long position = (long) Math.ceil(size * level);
        long value = sorted[(int) Math.max(0, Math.min(size, position) - 1)];
        if (value < TIMING_SMALL) {
            return value;
        }
        if (value >= TIMING_MAXIMUM) {
            return TIMING_MAXIMUM;
        }
        long bucket = (value - TIMING_SMALL) / TIMING_BUCKET;
        long jitter = (UniqFunction.intHash32(bucket) & (TIMING_BUCKET - 1)) - TIMING_BUCKET / 2;
        return bucket * TIMING_BUCKET + TIMING_SMALL + jitter;
    }

    private double asDouble(long value) {
        return unsigned64 ? TypeConversion.unsignedToDouble(value) : value;
    }

    /** Linear interpolation between the values around position level * (count - 1), as ClickHouse's sampler. */
    private double interpolated(long[] sortedLongs, double[] sortedDoubles, int size, double level) {
        double index = Math.max(0, Math.min(size - 1, level * (size - 1)));
        int whole = (int) index;
        double fraction = index - whole;
        double low = sortedLongs != null ? asDouble(sortedLongs[whole]) : sortedDoubles[whole];
        if (whole + 1 >= size) {
            return low;
        }
        double high = sortedLongs != null ? asDouble(sortedLongs[whole + 1]) : sortedDoubles[whole + 1];
        return low * (1 - fraction) + high * fraction;
    }

    private long[] sortedLongs(int group) {
        long[] values = Arrays.copyOf(longs[group], sizes[group]);
        if (unsigned64) {
            for (int i = 0; i < values.length; i++) {
                values[i] ^= Long.MIN_VALUE;
            }
            Arrays.sort(values);
            for (int i = 0; i < values.length; i++) {
                values[i] ^= Long.MIN_VALUE;
            }
        } else {
            Arrays.sort(values);
        }
        return values;
    }

    private double[] sortedDoubles(int group) {
        double[] values = Arrays.copyOf(doubles[group], sizes[group]);
        Arrays.sort(values);
        return values;
    }

    /** VarUInt count, then each value as 8 little-endian bytes (Int64 or Float64 bits). */
    @Override
    public void serialize(int group, GrowableByteArray out) {
        grow(group + 1);
        out.writeVarUInt(sizes[group]);
        for (int i = 0; i < sizes[group]; i++) {
            out.writeLong(integral ? longs[group][i] : Double.doubleToRawLongBits(doubles[group][i]));
        }
    }

    @Override
    public void deserialize(StateReader in) {
        long count = in.readVarUInt();
        for (long i = 0; i < count; i++) {
            long bits = in.readLong();
            if (integral) {
                addLong(0, bits);
            } else {
                addDouble(0, Double.longBitsToDouble(bits));
            }
        }
    }
}
