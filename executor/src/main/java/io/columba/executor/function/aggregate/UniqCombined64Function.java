package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.ArrayList;
import java.util.List;

/**
 * uniqCombined64(x, ...): uniqCombined over 64-bit hashes for every type, as modern ClickHouse computes it:
 * intHash64 of numbers (of a float's bits), CityHash64 of strings, the variadic CityHash64 of several arguments;
 * the exact set of hashes up to 2^(precision - 5) of them (ClickHouse's medium set for UInt64 keys: 4096 at the
 * default precision 17), then a HyperLogLog of 2^precision registers whose ranks use all bits above the bucket, estimated with linear counting up to
 * 2.5 registers a value and without the 32-bit large range correction.
 */
public final class UniqCombined64Function implements AggregateFunction {
    private static final int DEFAULT_PRECISION = 17;

    /** log2 of the HyperLogLog's registers (12 to 20); the exact set holds up to 2^(precision - 5) hashes. */
    private final int precision;

    public UniqCombined64Function() {
        this(DEFAULT_PRECISION);
    }

    private UniqCombined64Function(int precision) {
        this.precision = precision;
    }

    @Override
    public AggregateFunction withParameters(List<String> parameters) {
        if (parameters.isEmpty()) {
            return this;
        }
        AggregateParameters.expectCount(name(), parameters, 0, 1);
        int value = AggregateParameters.positiveInteger(name(), parameters.get(0), 20);
        if (value < 12) {
            throw new ColumbaException(
                    ErrorCode.ARGUMENT_OUT_OF_BOUND,
                    "Parameter for aggregate function " + name() + " is out of range: [12, 20]");
        }
        return new UniqCombined64Function(value);
    }

    @Override
    public List<String> parameters() {
        return precision == DEFAULT_PRECISION ? List.of() : List.of(Integer.toString(precision));
    }

    @Override
    public String name() {
        return "uniqCombined64";
    }

    @Override
    public String description() {
        return "Approximate number of distinct values (or tuples) of the arguments as uniqCombined, with 64-bit hashes"
                + " for all types: exact up to 4096 distinct values, then a HyperLogLog of 2^17 registers"
                + " (uniqCombined64(p)(x): 2^p registers, p in [12, 20]). UInt64.";
    }

    @Override
    public String example() {
        return "SELECT uniqCombined64(number % 7) FROM numbers(100)";
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        List<DataType> argumentTypes = UniqFunction.scalarArguments(name(), types);
        int precision = this.precision;
        return new BoundAggregate(IntegerType.UINT64, () -> new States(argumentTypes, precision));
    }

    /** One group: an open-addressing set of hashes (0 kept aside) until it outgrows the limit, then registers. */
    private static final class Counter {
        private final int precision;
        private long[] table = new long[16];
        private int size;
        private boolean hasZero;
        private byte[] registers;

        Counter(int precision) {
            this.precision = precision;
        }

        void add(long hash) {
            if (registers != null) {
                addToRegisters(hash);
                return;
            }
            if (contains(hash)) {
                return;
            }
            // ClickHouse's medium set, once full, turns into the HyperLogLog before it takes the next new value.
            if (size >= 1 << (precision - 5)) {
                toRegisters();
                addToRegisters(hash);
                return;
            }
            insert(hash);
        }

        private boolean contains(long hash) {
            if (hash == 0) {
                return hasZero;
            }
            int mask = table.length - 1;
            for (int at = slot(hash, mask); table[at] != 0; at = (at + 1) & mask) {
                if (table[at] == hash) {
                    return true;
                }
            }
            return false;
        }

        private void insert(long hash) {
            size++;
            if (hash == 0) {
                hasZero = true;
                return;
            }
            if (size * 2 > table.length) {
                long[] old = table;
                table = new long[old.length * 2];
                for (long kept : old) {
                    if (kept != 0) {
                        place(kept);
                    }
                }
            }
            place(hash);
        }

        private void place(long hash) {
            int mask = table.length - 1;
            int at = slot(hash, mask);
            while (table[at] != 0) {
                at = (at + 1) & mask;
            }
            table[at] = hash;
        }

        private static int slot(long hash, int mask) {
            return (int) (UniqFunction.intHash64(hash) & mask);
        }

        private void toRegisters() {
            registers = new byte[1 << precision];
            if (hasZero) {
                addToRegisters(0);
            }
            for (long hash : table) {
                if (hash != 0) {
                    addToRegisters(hash);
                }
            }
            table = null;
        }

        private void addToRegisters(long hash) {
            int bucket = (int) (hash & ((1 << precision) - 1));
            long rest = hash >>> precision;
            int maxRank = 64 - precision + 1;
            int rank = rest == 0 ? maxRank : Math.min(Long.numberOfTrailingZeros(rest) + 1, maxRank);
            if (rank > registers[bucket]) {
                registers[bucket] = (byte) rank;
            }
        }

        void merge(Counter other) {
            if (other.registers != null) {
                if (registers == null) {
                    toRegisters();
                }
                for (int i = 0; i < registers.length; i++) {
                    registers[i] = (byte) Math.max(registers[i], other.registers[i]);
                }
                return;
            }
            if (other.hasZero) {
                add(0);
            }
            for (long hash : other.table) {
                if (hash != 0) {
                    add(hash);
                }
            }
        }

        long estimate() {
            if (registers == null) {
                return size;
            }
            return HashSketch.hyperLogLogEstimate(registers, false);
        }

        /** A flag (1: 2^precision one-byte registers follow), else VarUInt count and the UInt64 hashes. */
        void write(GrowableByteArray out) {
            if (registers != null) {
                out.writeByte(1);
                out.write(registers, 0, registers.length);
                return;
            }
            out.writeByte(0);
            out.writeVarUInt(size);
            if (hasZero) {
                out.writeLong(0);
            }
            for (long hash : table) {
                if (hash != 0) {
                    out.writeLong(hash);
                }
            }
        }

        void read(StateReader in) {
            if (in.readByte() == 1) {
                registers = in.readBytes(1 << precision);
                table = null;
                return;
            }
            long count = in.readVarUInt();
            for (long i = 0; i < count; i++) {
                add(in.readLong());
            }
        }
    }

    private static final class States implements AggregateStates {
        private final List<DataType> types;
        private final int precision;
        private final List<Counter> counters = new ArrayList<>();

        States(List<DataType> types, int precision) {
            this.types = types;
            this.precision = precision;
        }

        private Counter counter(int group) {
            while (counters.size() <= group) {
                counters.add(new Counter(precision));
            }
            return counters.get(group);
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            long[] hashes = arguments.length > 1
                    ? UniqFunction.variadicHashes(arguments, types, rows)
                    : hashes(arguments[0].materialize(), types.get(0).withoutNullable(), rows);
            for (int i = 0; i < rows; i++) {
                counter(groups[i]).add(hashes[i]);
            }
        }

        private static long[] hashes(Column column, DataType type, int rows) {
            long[] out = new long[rows];
            switch (column) {
                case LongColumn longs -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = UniqFunction.intHash64(longs.get(i));
                    }
                }
                case DoubleColumn doubles -> {
                    boolean float32 = type == FloatType.FLOAT32;
                    for (int i = 0; i < rows; i++) {
                        long bits = float32
                                ? Float.floatToRawIntBits((float) doubles.get(i)) & 0xFFFFFFFFL
                                : Double.doubleToRawLongBits(doubles.get(i));
                        out[i] = UniqFunction.intHash64(bits);
                    }
                }
                case StringColumn strings -> {
                    int[] offsets = strings.offsets();
                    for (int i = 0; i < rows; i++) {
                        out[i] = UniqFunction.bytesHash(strings.data(), offsets[i], offsets[i + 1]);
                    }
                }
                default -> throw new IllegalStateException("refused when binding");
            }
            return out;
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            List<Counter> from = ((States) other).counters;
            for (int g = 0; g < mapping.length && g < from.size(); g++) {
                counter(mapping[g]).merge(from.get(g));
            }
        }

        @Override
        public Column result(int groupCount) {
            long[] out = new long[groupCount];
            for (int g = 0; g < groupCount; g++) {
                out[g] = counter(g).estimate();
            }
            return new LongColumn(out, null, groupCount);
        }

        @Override
        public void serialize(int group, GrowableByteArray out) {
            counter(group).write(out);
        }

        @Override
        public void deserialize(StateReader in) {
            counter(0).read(in);
        }
    }
}
