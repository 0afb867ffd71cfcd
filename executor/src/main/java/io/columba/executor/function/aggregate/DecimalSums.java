package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.ExactNumbers;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DecimalType;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * sum and avg of a Decimal(P, S): exact sums of the unscaled values per group. sum gives Decimal(38, S)
 * (Decimal(76, S) past 38 digits), wrapping as ClickHouse's Decimal128 does; avg gives the exact mean as Float64.
 * The state is the sum as 16 (or 32) little-endian bytes, then for avg the count as VarUInt.
 */
final class DecimalSums implements AggregateStates {
    private final DecimalType argument;
    private final boolean mean;
    private final int width;
    private BigInteger[] sums = new BigInteger[16];
    private long[] counts = new long[16];

    DecimalSums(DecimalType argument, boolean mean) {
        this.argument = argument;
        this.mean = mean;
        this.width = argument.precision() > 38 ? 32 : 16;
    }

    /** sum's result type for a Decimal argument. */
    static DecimalType sumType(DecimalType argument) {
        return new DecimalType(argument.precision() > 38 ? 76 : 38, argument.scale());
    }

    private void grow(int groupCount) {
        if (sums.length < groupCount) {
            int size = Math.max(groupCount, sums.length * 2);
            sums = Arrays.copyOf(sums, size);
            counts = Arrays.copyOf(counts, size);
        }
    }

    private BigInteger sum(int group) {
        return sums[group] == null ? BigInteger.ZERO : sums[group];
    }

    @Override
    public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
        grow(groupCount);
        for (int i = 0; i < rows; i++) {
            int g = groups[i];
            sums[g] = sum(g).add(ExactNumbers.integer(arguments[0], argument, i));
            counts[g]++;
        }
    }

    @Override
    public void merge(AggregateStates other, int[] mapping, int groupCount) {
        DecimalSums from = (DecimalSums) other;
        grow(groupCount);
        for (int g = 0; g < mapping.length; g++) {
            int to = mapping[g];
            sums[to] = sum(to).add(from.sum(g));
            counts[to] += from.counts[g];
        }
    }

    @Override
    public Column result(int groupCount) {
        grow(groupCount);
        if (mean) {
            double[] out = new double[groupCount];
            for (int g = 0; g < groupCount; g++) {
                out[g] = counts[g] == 0
                        ? Double.NaN
                        : new java.math.BigDecimal(sum(g), argument.scale())
                                .divide(java.math.BigDecimal.valueOf(counts[g]), java.math.MathContext.DECIMAL64)
                                .doubleValue();
            }
            return new DoubleColumn(out, null, groupCount);
        }
        DataType type = sumType(argument);
        BigInteger[] out = new BigInteger[groupCount];
        for (int g = 0; g < groupCount; g++) {
            out[g] = wrap(sum(g));
        }
        return ExactNumbers.column(out, type, groupCount);
    }

    /** The sum in the result's two's-complement width, as ClickHouse's Decimal128/256 addition wraps. */
    private BigInteger wrap(BigInteger value) {
        BigInteger modulus = BigInteger.ONE.shiftLeft(8 * width);
        BigInteger wrapped = value.mod(modulus);
        return wrapped.testBit(8 * width - 1) ? wrapped.subtract(modulus) : wrapped;
    }

    @Override
    public void serialize(int group, GrowableByteArray out) {
        grow(group + 1);
        BigInteger value = wrap(sum(group));
        for (int word = 0; word < width / 8; word++) {
            out.writeLong(value.shiftRight(64 * word).longValue());
        }
        if (mean) {
            out.writeVarUInt(counts[group]);
        }
    }

    @Override
    public void deserialize(StateReader in) {
        BigInteger value = BigInteger.ZERO;
        for (int word = 0; word < width / 8; word++) {
            BigInteger part = new BigInteger(Long.toUnsignedString(in.readLong()));
            value = value.or(part.shiftLeft(64 * word));
        }
        sums[0] = wrap(value);
        counts[0] = mean ? in.readVarUInt() : 1;
    }
}
