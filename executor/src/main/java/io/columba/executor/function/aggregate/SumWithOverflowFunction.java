package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.List;

/** sumWithOverflow: the sum in the argument's own type, wrapping around on overflow. */
public final class SumWithOverflowFunction implements AggregateFunction {
    @Override
    public String name() {
        return "sumWithOverflow";
    }

    @Override
    public String description() {
        return "Sum of the values in the type of the argument, wrapping around on overflow.";
    }

    @Override
    public String example() {
        return "SELECT sumWithOverflow(toUInt8(number)) FROM numbers(100)";
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        DataType type = Operands.numericAggregateArgument(name(), types);
        if (type instanceof FloatType) {
            return new BoundAggregate(type, () -> new Narrowed(new SumFunction.DoubleSums(type), type));
        }
        return new BoundAggregate(type, () -> new Narrowed(new SumFunction.LongSums(), type));
    }

    /** A 64-bit sum cut to the argument's width (or rounded to Float32). */
    private static final class Narrowed extends ForwardingStates {
        private final DataType type;

        Narrowed(AggregateStates inner, DataType type) {
            super(inner);
            this.type = type;
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            inner.add(groups, arguments, rows, groupCount);
        }

        @Override
        public Column result(int groupCount) {
            Column sums = inner.result(groupCount);
            if (sums instanceof DoubleColumn doubles) {
                if (type != FloatType.FLOAT32) {
                    return sums;
                }
                double[] out = new double[groupCount];
                for (int g = 0; g < groupCount; g++) {
                    out[g] = (float) doubles.get(g);
                }
                return new DoubleColumn(out, null, groupCount);
            }
            IntegerType integer = (IntegerType) type.withoutNullable();
            int bits = integer.bytes() * 8;
            long[] out = ((LongColumn) sums).values().clone();
            if (bits < 64) {
                for (int g = 0; g < groupCount; g++) {
                    long wrapped = out[g] << (64 - bits);
                    out[g] = integer.signed() ? wrapped >> (64 - bits) : wrapped >>> (64 - bits);
                }
            }
            return new LongColumn(out, null, groupCount);
        }
    }
}
