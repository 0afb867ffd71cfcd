package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.Arrays;
import java.util.List;

/** count() counts rows; count(x) counts rows where x is not NULL. UInt64. */
public final class CountFunction implements AggregateFunction {
    @Override
    public String name() {
        return "count";
    }

    @Override
    public String description() {
        return "Number of rows, or of rows where the argument is not NULL.";
    }

    @Override
    public String example() {
        return "SELECT count() FROM numbers(10)";
    }

    @Override
    public boolean caseInsensitive() {
        return true;
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> argumentTypes) {
        return new BoundAggregate(IntegerType.UINT64, States::new);
    }

    private static final class States implements AggregateStates {
        private long[] counts = new long[16];

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            if (counts.length < groupCount) {
                counts = Arrays.copyOf(counts, Math.max(groupCount, counts.length * 2));
            }
            for (int i = 0; i < rows; i++) {
                counts[groups[i]]++;
            }
        }

        /** countMerge: the stored count (a VarUInt) added straight from its bytes. */
        @Override
        public boolean mergeSerialized(int group, StateReader in, int groupCount) {
            if (counts.length <= group) {
                counts = Arrays.copyOf(counts, Math.max(group + 1, counts.length * 2));
            }
            counts[group] += in.readVarUInt();
            return true;
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            States from = (States) other;
            if (counts.length < groupCount) {
                counts = Arrays.copyOf(counts, Math.max(groupCount, counts.length * 2));
            }
            for (int g = 0; g < mapping.length; g++) {
                counts[mapping[g]] += from.counts[g];
            }
        }

        @Override
        public Column result(int groupCount) {
            if (counts.length < groupCount) {
                counts = Arrays.copyOf(counts, groupCount);
            }
            return new LongColumn(Arrays.copyOf(counts, Math.max(groupCount, 0)), null, groupCount);
        }

        @Override
        public void serialize(int group, GrowableByteArray out) {
            out.writeVarUInt(group < counts.length ? counts[group] : 0);
        }

        @Override
        public void deserialize(StateReader in) {
            counts[0] = in.readVarUInt();
        }
    }
}
