package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * groupArraySample(max_size[, seed])(x): a uniform sample of at most max_size of a group's non-NULL values, drawn
 * as ClickHouse draws it (reservoir sampling with a pcg32_fast generator seeded with the seed, default 123456: the
 * n-th value replaces slot {@code random() % n} when that is below max_size), so one thread reading the rows in
 * the same order keeps the same values in the same slots. Merged states follow ClickHouse's mergeWithRNGSampler.
 */
public final class GroupArraySampleFunction extends ParameterizedFunction {
    private static final long DEFAULT_SEED = 123456;
    private static final int MAX_SIZE = 0xFFFFFF;

    private final int maxSize;
    private final long seed;

    public GroupArraySampleFunction() {
        this(List.of(), 1, DEFAULT_SEED);
    }

    private GroupArraySampleFunction(List<String> parameters, int maxSize, long seed) {
        super(parameters);
        this.maxSize = maxSize;
        this.seed = seed;
    }

    @Override
    public AggregateFunction withParameters(List<String> parameters) {
        AggregateParameters.expectCount(name(), parameters, 1, 2);
        int size = AggregateParameters.positiveInteger(name(), parameters.get(0), MAX_SIZE);
        long seed = parameters.size() == 2 ? positiveSeed(parameters.get(1)) : DEFAULT_SEED;
        return new GroupArraySampleFunction(List.copyOf(parameters), size, seed);
    }

    private long positiveSeed(String text) {
        try {
            long value = Long.parseUnsignedLong(text);
            if (value != 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below, as a negative or non-integer seed does
        }
        throw new ColumbaException(
                ErrorCode.BAD_ARGUMENTS, "Parameter for aggregate function " + name() + " should be positive number");
    }

    @Override
    public String name() {
        return "groupArraySample";
    }

    @Override
    public String description() {
        return "A random sample of at most max_size of the group's values (reservoir sampling seeded with seed,"
                + " default 123456), as Array(T); the sample depends on the order the rows arrive in.";
    }

    @Override
    public String example() {
        return "SELECT groupArraySample(3)(number) FROM numbers(10)";
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name(), types, 1, 1);
        DataType element = types.get(0);
        return new BoundAggregate(new ArrayType(element), () -> new States(element, maxSize, seed));
    }

    /** One group's sample: values kept in an append-only pool, {@code slots} naming the pool rows in the sample. */
    private static final class Reservoir {
        private final DataType element;
        private final int maxSize;
        private final Pcg32Fast random;
        private ColumnBuilder pool;
        private int[] slots = new int[4];
        private int size;
        private long total;

        Reservoir(DataType element, int maxSize, Pcg32Fast random) {
            this.element = element;
            this.maxSize = maxSize;
            this.random = random;
            this.pool = ColumnBuilder.forType(element, 4);
        }

        /** ClickHouse's insertWithSampler: count the value, keep it while there is room, else maybe replace one. */
        void insert(Column values, int row) {
            total++;
            if (size < maxSize) {
                if (size == slots.length) {
                    slots = java.util.Arrays.copyOf(slots, Math.min(maxSize, size * 2));
                }
                slots[size++] = pool.size();
                pool.appendFrom(values, row);
                return;
            }
            long slot = random.below(total);
            if (slot < maxSize) {
                set((int) slot, values, row);
            }
        }

        private void set(int slot, Column values, int row) {
            slots[slot] = pool.size();
            pool.appendFrom(values, row);
            if (pool.size() > 2 * maxSize + 64) {
                Column kept = sample();
                pool = ColumnBuilder.forType(element, size);
                for (int i = 0; i < size; i++) {
                    slots[i] = i;
                    pool.appendFrom(kept, i);
                }
            }
        }

        /** The sampled values in slot order. */
        Column sample() {
            Column all = pool.build();
            ColumnBuilder out = ColumnBuilder.forType(element, size);
            for (int i = 0; i < size; i++) {
                out.appendFrom(all, slots[i]);
            }
            return out.build();
        }

        /** ClickHouse's mergeWithRNGSampler. */
        void merge(Reservoir other) {
            if (other.size == 0) {
                return;
            }
            Column theirs = other.sample();
            if (other.total <= maxSize) {
                for (int i = 0; i < other.size; i++) {
                    insert(theirs, i);
                }
            } else if (total <= maxSize) {
                Column mine = sample();
                int mineSize = size;
                replaceWith(theirs, other.size, other.total);
                for (int i = 0; i < mineSize; i++) {
                    insert(mine, i);
                }
            } else {
                shuffle();
                total += other.total;
                for (int i = 0; i < maxSize; i++) {
                    if (random.below(total) < other.total) {
                        set(i, theirs, i);
                    }
                }
            }
        }

        private void replaceWith(Column values, int count, long newTotal) {
            pool = ColumnBuilder.forType(element, count);
            slots = new int[Math.max(4, count)];
            for (int i = 0; i < count; i++) {
                slots[i] = i;
                pool.appendFrom(values, i);
            }
            size = count;
            total = newTotal;
        }

        /** ClickHouse's randomShuffle of the sample: slot i swaps with a random slot in [0, i]. */
        private void shuffle() {
            for (int i = 1; i < size; i++) {
                int j = (int) random.below(i + 1);
                int swap = slots[i];
                slots[i] = slots[j];
                slots[j] = swap;
            }
        }

        /** VarUInt count, the values as groupArray writes them, UInt64 total, the generator as ClickHouse prints it. */
        void write(GrowableByteArray out) {
            Column values = sample();
            out.writeVarUInt(size);
            for (int i = 0; i < size; i++) {
                GroupArrayFunction.writeValue(out, values, i, element);
            }
            out.writeLong(total);
            byte[] generator = ("6364136223846793005 0 " + Long.toUnsignedString(random.state()))
                    .getBytes(StandardCharsets.US_ASCII);
            out.writeVarUInt(generator.length);
            out.write(generator, 0, generator.length);
        }
    }

    private static final class States implements AggregateStates {
        private final DataType element;
        private final int maxSize;
        private final long seed;
        private final List<Reservoir> groups = new ArrayList<>();

        States(DataType element, int maxSize, long seed) {
            this.element = element;
            this.maxSize = maxSize;
            this.seed = seed;
        }

        private Reservoir group(int group) {
            while (groups.size() <= group) {
                groups.add(new Reservoir(element, maxSize, new Pcg32Fast(seed)));
            }
            return groups.get(group);
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            Column values = arguments[0].materialize();
            for (int i = 0; i < rows; i++) {
                group(groups[i]).insert(values, i);
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            List<Reservoir> from = ((States) other).groups;
            for (int g = 0; g < mapping.length && g < from.size(); g++) {
                group(mapping[g]).merge(from.get(g));
            }
        }

        @Override
        public Column result(int groupCount) {
            int[] offsets = new int[groupCount + 1];
            ColumnBuilder elements = ColumnBuilder.forType(element, groupCount);
            for (int g = 0; g < groupCount; g++) {
                Column sample = group(g).sample();
                for (int i = 0; i < sample.size(); i++) {
                    elements.appendFrom(sample, i);
                }
                offsets[g + 1] = elements.size();
            }
            return new ArrayColumn(offsets, elements.build(), null, groupCount);
        }

        @Override
        public void serialize(int group, GrowableByteArray out) {
            group(group).write(out);
        }

        @Override
        public void deserialize(StateReader in) {
            long count = in.readVarUInt();
            if (count > maxSize) {
                throw new ColumbaException(
                        ErrorCode.TOO_LARGE_ARRAY_SIZE,
                        "Too large array size " + count + " (maximum: " + maxSize + ")");
            }
            ColumnBuilder values = ColumnBuilder.forType(element, (int) count);
            for (long i = 0; i < count; i++) {
                GroupArrayFunction.readValue(in, values, element);
            }
            long total = in.readLong();
            String generator = new String(in.readBytes((int) in.readVarUInt()), StandardCharsets.US_ASCII);
            String[] parts = generator.trim().split(" ");
            Reservoir reservoir = new Reservoir(element, maxSize, readGenerator(parts));
            reservoir.replaceWith(values.build(), (int) count, total);
            if (groups.isEmpty()) {
                groups.add(reservoir);
            } else {
                groups.set(0, reservoir);
            }
        }

        private static Pcg32Fast readGenerator(String[] parts) {
            try {
                return Pcg32Fast.ofState(Long.parseUnsignedLong(parts[parts.length - 1]));
            } catch (NumberFormatException e) {
                throw new ColumbaException(
                        ErrorCode.CANNOT_READ_ALL_DATA, "Corrupted groupArraySample state: bad generator state");
            }
        }
    }
}
