package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.KeyEncoder;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.List;

/** uniqExact: the exact number of distinct argument tuples. UInt64. */
public final class UniqExactFunction implements AggregateFunction {
    @Override
    public String name() {
        return "uniqExact";
    }

    @Override
    public String description() {
        return "Exact number of distinct values (or tuples of values) of the arguments.";
    }

    @Override
    public String example() {
        return "SELECT uniqExact(number % 3) FROM numbers(10)";
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        io.columba.executor.function.scalar.Operands.expectCount("uniqExact", types, 1, Integer.MAX_VALUE);
        return new BoundAggregate(IntegerType.UINT64, States::new);
    }

    /**
     * All groups' distinct keys in one {@link GroupedDistinctSet}. A single integer, date or float argument is kept
     * exactly; strings and several arguments as a 128-bit hash of their {@link KeyEncoder} bytes.
     */
    private static final class States implements AggregateStates {
        private final GroupedDistinctSet set = new GroupedDistinctSet();
        private final KeyEncoder encoder = new KeyEncoder();
        private final Hash128 hash = new Hash128();

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            if (arguments.length == 1) {
                switch (arguments[0].materialize()) {
                    case LongColumn longs -> {
                        long[] values = longs.values();
                        for (int i = 0; i < rows; i++) {
                            set.add(groups[i], values[i], 0);
                        }
                        return;
                    }
                    case DoubleColumn doubles -> {
                        for (int i = 0; i < rows; i++) {
                            set.add(groups[i], Double.doubleToLongBits(doubles.get(i) + 0.0), 0);
                        }
                        return;
                    }
                    case StringColumn strings -> {
                        byte[] data = strings.data();
                        int[] offsets = strings.offsets();
                        for (int i = 0; i < rows; i++) {
                            hash.hash(data, offsets[i], offsets[i + 1] - offsets[i]);
                            set.add(groups[i], hash.low(), hash.high());
                        }
                        return;
                    }
                    default -> {}
                }
            }
            for (int i = 0; i < rows; i++) {
                encoder.clear();
                for (Column argument : arguments) {
                    encoder.add(argument, i);
                }
                hash.hash(encoder.bytes(), 0, encoder.length());
                set.add(groups[i], hash.low(), hash.high());
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            set.addAll(((States) other).set, mapping);
        }

        @Override
        public Column result(int groupCount) {
            long[] out = new long[groupCount];
            for (int g = 0; g < groupCount; g++) {
                out[g] = set.count(g);
            }
            return new LongColumn(out, null, groupCount);
        }

        /** The number of distinct keys (VarUInt), then each key as two Int64: the value or hash, then 0 or more. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            int[] slots = set.keysOf(group);
            out.writeVarUInt(slots.length);
            for (int slot : slots) {
                out.writeLong(set.low(slot));
                out.writeLong(set.high(slot));
            }
        }

        @Override
        public void deserialize(StateReader in) {
            long size = in.readVarUInt();
            for (long i = 0; i < size; i++) {
                long low = in.readLong();
                set.add(0, low, in.readLong());
            }
        }
    }
}
