package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.NumericTypes;
import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.Arrays;
import java.util.List;

/**
 * sum: Int64 for signed integers, UInt64 for unsigned (wrapping on overflow), Float64 for floats, Decimal(38, S) for
 * Decimal(P, S).
 */
public final class SumFunction implements AggregateFunction {
    @Override
    public String name() {
        return "sum";
    }

    @Override
    public String description() {
        return "Sum of the values; integer sums wrap around on overflow as in ClickHouse.";
    }

    @Override
    public String example() {
        return "SELECT sum(number) FROM numbers(10)";
    }

    @Override
    public boolean caseInsensitive() {
        return true;
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        if (types.size() == 1 && types.get(0) instanceof DecimalType decimal) {
            return new BoundAggregate(DecimalSums.sumType(decimal), () -> new DecimalSums(decimal, false));
        }
        DataType type = Operands.numericAggregateArgument("sum", types);
        if (type instanceof FloatType) {
            return new BoundAggregate(FloatType.FLOAT64, () -> new DoubleSums(type));
        }
        boolean signed = NumericTypes.asInteger(type).signed();
        return new BoundAggregate(signed ? IntegerType.INT64 : IntegerType.UINT64, LongSums::new);
    }

    /** Integer sums per group; also the running sum of avg. */
    static final class LongSums implements AggregateStates {
        long[] sums = new long[16];

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            if (sums.length < groupCount) {
                sums = Arrays.copyOf(sums, Math.max(groupCount, sums.length * 2));
            }
            long[] values = Operands.longs(arguments[0], rows);
            if (groupCount == 1) {
                long total = 0;
                for (int i = 0; i < rows; i++) {
                    total += values[i];
                }
                sums[0] += total;
                return;
            }
            for (int i = 0; i < rows; i++) {
                sums[groups[i]] += values[i];
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            LongSums from = (LongSums) other;
            if (sums.length < groupCount) {
                sums = Arrays.copyOf(sums, Math.max(groupCount, sums.length * 2));
            }
            for (int g = 0; g < mapping.length; g++) {
                sums[mapping[g]] += from.sums[g];
            }
        }

        @Override
        public Column result(int groupCount) {
            return new LongColumn(Arrays.copyOf(sums, groupCount), null, groupCount);
        }

        @Override
        public void serialize(int group, GrowableByteArray out) {
            out.writeLong(group < sums.length ? sums[group] : 0);
        }

        @Override
        public void deserialize(StateReader in) {
            sums[0] = in.readLong();
        }
    }

    static final class DoubleSums implements AggregateStates {
        private final DataType type;
        double[] sums = new double[16];

        DoubleSums(DataType type) {
            this.type = type;
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            if (sums.length < groupCount) {
                sums = Arrays.copyOf(sums, Math.max(groupCount, sums.length * 2));
            }
            double[] values = Operands.doubles(arguments[0], type, rows);
            for (int i = 0; i < rows; i++) {
                sums[groups[i]] += values[i];
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            DoubleSums from = (DoubleSums) other;
            if (sums.length < groupCount) {
                sums = Arrays.copyOf(sums, Math.max(groupCount, sums.length * 2));
            }
            for (int g = 0; g < mapping.length; g++) {
                sums[mapping[g]] += from.sums[g];
            }
        }

        @Override
        public Column result(int groupCount) {
            return new DoubleColumn(Arrays.copyOf(sums, groupCount), null, groupCount);
        }

        @Override
        public void serialize(int group, GrowableByteArray out) {
            out.writeLong(Double.doubleToRawLongBits(group < sums.length ? sums[group] : 0));
        }

        @Override
        public void deserialize(StateReader in) {
            sums[0] = in.readDouble();
        }
    }
}
