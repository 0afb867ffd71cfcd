package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.NumericTypes;
import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.FloatType;
import java.util.Arrays;
import java.util.List;

/** avg: Float64; integer sums are kept in 128 bits so they never overflow; nan for no rows. */
public final class AvgFunction implements AggregateFunction {
    @Override
    public String name() {
        return "avg";
    }

    @Override
    public String description() {
        return "Arithmetic mean as Float64; nan when there are no rows.";
    }

    @Override
    public String example() {
        return "SELECT avg(number) FROM numbers(10)";
    }

    @Override
    public boolean caseInsensitive() {
        return true;
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        if (types.size() == 1 && types.get(0) instanceof DecimalType decimal) {
            return new BoundAggregate(FloatType.FLOAT64, () -> new DecimalSums(decimal, true));
        }
        DataType type = Operands.numericAggregateArgument("avg", types);
        if (type instanceof FloatType) {
            return new BoundAggregate(FloatType.FLOAT64, () -> new DoubleMeans(type));
        }
        boolean signed = NumericTypes.asInteger(type).signed();
        return new BoundAggregate(FloatType.FLOAT64, () -> new IntegerMeans(signed));
    }

    private static final class IntegerMeans implements AggregateStates {
        private final boolean signed;
        private long[] low = new long[16];
        private long[] high = new long[16];
        private long[] counts = new long[16];

        IntegerMeans(boolean signed) {
            this.signed = signed;
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            if (low.length < groupCount) {
                int size = Math.max(groupCount, low.length * 2);
                low = Arrays.copyOf(low, size);
                high = Arrays.copyOf(high, size);
                counts = Arrays.copyOf(counts, size);
            }
            long[] values = Operands.longs(arguments[0], rows);
            if (groupCount == 1) {
                addOneGroup(values, rows);
                return;
            }
            for (int i = 0; i < rows; i++) {
                int g = groups[i];
                long value = values[i];
                long sum = low[g] + value;
                long carry = Long.compareUnsigned(sum, low[g]) < 0 ? 1 : 0;
                high[g] += (signed ? value >> 63 : 0) + carry;
                low[g] = sum;
                counts[g]++;
            }
        }

        /**
         * Adds the rows to group 0 as two plain sums the JIT vectorizes, of the values' high and low 32 bits
         * (neither overflows over a block), then the 128-bit total they make.
         */
        private void addOneGroup(long[] values, int rows) {
            long highHalves = 0;
            long lowHalves = 0;
            if (signed) {
                for (int i = 0; i < rows; i++) {
                    highHalves += values[i] >> 32;
                    lowHalves += values[i] & 0xFFFF_FFFFL;
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    highHalves += values[i] >>> 32;
                    lowHalves += values[i] & 0xFFFF_FFFFL;
                }
            }
            // highHalves * 2^32 + lowHalves as a 128-bit (high, low) pair.
            long shifted = highHalves << 32;
            long totalLow = shifted + lowHalves;
            long totalHigh = (signed ? highHalves >> 32 : highHalves >>> 32)
                    + (Long.compareUnsigned(totalLow, shifted) < 0 ? 1 : 0);
            long sum = low[0] + totalLow;
            high[0] += totalHigh + (Long.compareUnsigned(sum, low[0]) < 0 ? 1 : 0);
            low[0] = sum;
            counts[0] += rows;
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            IntegerMeans from = (IntegerMeans) other;
            grow(groupCount);
            for (int g = 0; g < mapping.length; g++) {
                int to = mapping[g];
                long sum = low[to] + from.low[g];
                long carry = Long.compareUnsigned(sum, low[to]) < 0 ? 1 : 0;
                high[to] += from.high[g] + carry;
                low[to] = sum;
                counts[to] += from.counts[g];
            }
        }

        private void grow(int groupCount) {
            if (low.length < groupCount) {
                int size = Math.max(groupCount, low.length * 2);
                low = Arrays.copyOf(low, size);
                high = Arrays.copyOf(high, size);
                counts = Arrays.copyOf(counts, size);
            }
        }

        @Override
        public Column result(int groupCount) {
            double[] out = new double[groupCount];
            for (int g = 0; g < groupCount; g++) {
                out[g] = total(high[g], low[g]) / counts[g];
            }
            return new DoubleColumn(out, null, groupCount);
        }

        /**
         * The 128-bit sum as the nearest double. Summing {@code high * 2^64} and the low word as doubles would cancel a
         * small negative sum (high -1) to 0, so sums that fit in 64 bits convert directly.
         */
        private double total(long high, long low) {
            if (signed && high == low >> 63) {
                return low;
            }
            if (!signed && high == 0) {
                return low >= 0 ? low : ((low >>> 1) | (low & 1)) * 2.0;
            }
            return java.math.BigInteger.valueOf(high)
                    .shiftLeft(64)
                    .add(new java.math.BigInteger(Long.toUnsignedString(low)))
                    .doubleValue();
        }

        /** The 128-bit sum (low, high) and the count. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            grow(group + 1);
            out.writeLong(low[group]);
            out.writeLong(high[group]);
            out.writeVarUInt(counts[group]);
        }

        @Override
        public void deserialize(StateReader in) {
            low[0] = in.readLong();
            high[0] = in.readLong();
            counts[0] = in.readVarUInt();
        }
    }

    private static final class DoubleMeans implements AggregateStates {
        private final DataType type;
        private double[] sums = new double[16];
        private long[] counts = new long[16];

        DoubleMeans(DataType type) {
            this.type = type;
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            if (sums.length < groupCount) {
                int size = Math.max(groupCount, sums.length * 2);
                sums = Arrays.copyOf(sums, size);
                counts = Arrays.copyOf(counts, size);
            }
            double[] values = Operands.doubles(arguments[0], type, rows);
            for (int i = 0; i < rows; i++) {
                sums[groups[i]] += values[i];
                counts[groups[i]]++;
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            DoubleMeans from = (DoubleMeans) other;
            if (sums.length < groupCount) {
                int size = Math.max(groupCount, sums.length * 2);
                sums = Arrays.copyOf(sums, size);
                counts = Arrays.copyOf(counts, size);
            }
            for (int g = 0; g < mapping.length; g++) {
                sums[mapping[g]] += from.sums[g];
                counts[mapping[g]] += from.counts[g];
            }
        }

        @Override
        public Column result(int groupCount) {
            double[] out = new double[groupCount];
            for (int g = 0; g < groupCount; g++) {
                out[g] = sums[g] / counts[g];
            }
            return new DoubleColumn(out, null, groupCount);
        }

        /** The sum as Float64, then the count, as ClickHouse's avg state of floats. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            boolean present = group < sums.length;
            out.writeLong(Double.doubleToRawLongBits(present ? sums[group] : 0));
            out.writeVarUInt(present ? counts[group] : 0);
        }

        @Override
        public void deserialize(StateReader in) {
            sums[0] = in.readDouble();
            counts[0] = in.readVarUInt();
        }
    }
}
