package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.Arrays;
import java.util.List;

/**
 * Approximate distinct counts over hashes of the arguments, as ClickHouse computes them. uniq: an adaptive sample
 * of up to 65536 hashes (exact below that). uniqCombined: exact over 32-bit hashes up to 16384 of them, then a
 * HyperLogLog of 2^17 registers. uniqHLL12: exact up to 16 values, then a HyperLogLog of 2^12 registers.
 */
public final class UniqFunction implements AggregateFunction {
    /** The sketch a group keeps. */
    public enum Kind {
        UNIQ("uniq", "adaptive sampling of hashes; exact below 65536 distinct values"),
        UNIQ_COMBINED("uniqCombined", "exact up to 16384 distinct values, then a HyperLogLog of 2^17 registers"),
        UNIQ_HLL12("uniqHLL12", "a HyperLogLog of 2^12 registers, exact up to 16 distinct values");

        final String function;
        final String how;

        Kind(String function, String how) {
            this.function = function;
            this.how = how;
        }
    }

    private static final int UNIQ_LIMIT = 1 << 16;
    private static final int COMBINED_SET_LIMIT = 1 << 14;
    private static final int COMBINED_PRECISION = 17;
    private static final int HLL12_SET_LIMIT = 16;
    private static final int HLL12_PRECISION = 12;
    /** Hashes of merged states one aggregation may hold back before inserting them (16 MiB of them). */
    private static final long MAX_PENDING_HASHES = 1 << 22;

    private final Kind kind;

    public UniqFunction(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.function;
    }

    @Override
    public String description() {
        return "Approximate number of distinct values (or tuples) of the arguments: " + kind.how + ". UInt64.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "(number % 7) FROM numbers(100)";
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        List<DataType> argumentTypes = scalarArguments(name(), types);
        return new BoundAggregate(IntegerType.UINT64, () -> new States(kind, argumentTypes));
    }

    /** The arguments of a distinct count: one or more, none an array or tuple. */
    static List<DataType> scalarArguments(String function, List<DataType> types) {
        Operands.expectCount(function, types, 1, Integer.MAX_VALUE);
        for (DataType type : types) {
            RowKeys.checkScalar(function, type);
        }
        return List.copyOf(types);
    }

    /** ClickHouse's intHash64 (a Murmur3 finalizer). */
    static long intHash64(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }

    /** ClickHouse's intHash32 with salt 0, which its HyperLogLog hashes values with. */
    static int intHash32(long key) {
        key = ~key + (key << 18);
        key ^= (key >>> 31) | (key << 33);
        key *= 21;
        key ^= (key >>> 11) | (key << 53);
        key += key << 6;
        key ^= (key >>> 22) | (key << 42);
        return (int) key;
    }

    /** What ClickHouse 18.16's uniq feeds its set for a string: CityHash64 (v1.0.2) of its bytes. */
    static long bytesHash(byte[] data, int from, int to) {
        return io.columba.executor.function.scalar.CityHash102.hash64(data, from, to - from);
    }

    /**
     * uniq of several arguments hashes each row's values as ClickHouse's UniqVariadicHash does: CityHash64 of the
     * first value's bytes (little-endian for numbers), each next one folded in with Hash128to64; the set takes
     * the low 32 bits as they are (uniqTheta all 64).
     */
    static long[] variadicHashes(Column[] arguments, List<DataType> types, int rows) {
        long[] hashes = new long[rows];
        byte[] scratch = new byte[8];
        for (int a = 0; a < arguments.length; a++) {
            Column plain = arguments[a].materialize();
            DataType type = types.get(a);
            for (int i = 0; i < rows; i++) {
                long hash = valueHash(plain, type, i, scratch);
                hashes[i] =
                        a == 0 ? hash : io.columba.executor.function.scalar.CityHash102.hash128to64(hash, hashes[i]);
            }
        }
        return hashes;
    }

    private static long valueHash(Column column, DataType type, int row, byte[] scratch) {
        long bits;
        int width;
        switch (column) {
            case StringColumn strings -> {
                int[] offsets = strings.offsets();
                return bytesHash(strings.data(), offsets[row], offsets[row + 1]);
            }
            case LongColumn longs -> {
                bits = longs.get(row);
                width = type.withoutNullable().fixedWidth();
            }
            case DoubleColumn doubles -> {
                boolean float32 = type.withoutNullable() == FloatType.FLOAT32;
                bits = float32
                        ? Float.floatToRawIntBits((float) doubles.get(row))
                        : Double.doubleToRawLongBits(doubles.get(row));
                width = float32 ? 4 : 8;
            }
            default -> throw new IllegalStateException("refused when binding");
        }
        for (int b = 0; b < width; b++) {
            scratch[b] = (byte) (bits >>> (8 * b));
        }
        return bytesHash(scratch, 0, width);
    }

    private static final class States implements AggregateStates {
        private final Kind kind;
        private final List<DataType> types;
        private HashSketch[] sketches = new HashSketch[16];
        /** Whether some sketch holds hashes merged from bytes and not yet in its table, and how many in all. */
        private boolean pending;

        private long pendingHashes;

        States(Kind kind, List<DataType> types) {
            this.kind = kind;
            this.types = types;
        }

        private HashSketch sketch(int group) {
            if (sketches.length <= group) {
                sketches = Arrays.copyOf(sketches, Math.max(group + 1, sketches.length * 2));
            }
            HashSketch sketch = sketches[group];
            if (sketch == null) {
                sketch = sketches[group] = new HashSketch();
            }
            return sketch;
        }

        /** The values as ClickHouse feeds them to its hash: integers widened, float bits, string hashes. */
        private long[] values(Column column, DataType type, int rows) {
            Column plain = column.materialize();
            long[] out = new long[rows];
            switch (plain) {
                case LongColumn longs -> System.arraycopy(longs.values(), 0, out, 0, rows);
                case DoubleColumn doubles -> {
                    boolean float32 = type == FloatType.FLOAT32;
                    for (int i = 0; i < rows; i++) {
                        out[i] = float32
                                ? Float.floatToRawIntBits((float) doubles.get(i)) & 0xFFFFFFFFL
                                : Double.doubleToRawLongBits(doubles.get(i));
                    }
                }
                case StringColumn strings -> {
                    int[] offsets = strings.offsets();
                    for (int i = 0; i < rows; i++) {
                        out[i] = bytesHash(strings.data(), offsets[i], offsets[i + 1]);
                    }
                }
                default -> throw new IllegalStateException("refused when binding");
            }
            return out;
        }

        /** Puts every deferred hash into its set: before the sets are read, added to or merged. */
        private void flushPending() {
            if (!pending) {
                return;
            }
            for (HashSketch sketch : sketches) {
                if (sketch != null && sketch.hasPending()) {
                    sketch.flushPending(UNIQ_LIMIT);
                }
            }
            pending = false;
            pendingHashes = 0;
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            flushPending();
            if (kind == Kind.UNIQ && arguments.length > 1) {
                long[] hashes = variadicHashes(arguments, types, rows);
                for (int i = 0; i < rows; i++) {
                    sketch(groups[i]).insert((int) hashes[i], UNIQ_LIMIT);
                }
                return;
            }
            long[] values = values(arguments[0], types.get(0), rows);
            for (int a = 1; a < arguments.length; a++) {
                long[] more = values(arguments[a], types.get(a), rows);
                for (int i = 0; i < rows; i++) {
                    values[i] = intHash64(values[i] * 31 + more[i]);
                }
            }
            for (int i = 0; i < rows; i++) {
                add(sketch(groups[i]), values[i]);
            }
        }

        private void add(HashSketch sketch, long value) {
            switch (kind) {
                case UNIQ -> sketch.insert((int) intHash64(value), UNIQ_LIMIT);
                case UNIQ_COMBINED ->
                    addCounting(sketch, (int) intHash64(value), COMBINED_SET_LIMIT, COMBINED_PRECISION);
                case UNIQ_HLL12 -> addCounting(sketch, intHash32(value), HLL12_SET_LIMIT, HLL12_PRECISION);
            }
        }

        private static void addCounting(HashSketch sketch, int hash, int setLimit, int precision) {
            if (sketch.isHyperLogLog()) {
                sketch.addToRegisters(hash, precision);
                return;
            }
            sketch.insert(hash, 0);
            if (sketch.size() > setLimit) {
                sketch.toHyperLogLog(precision);
            }
        }

        @Override
        public boolean mergeSerialized(int group, StateReader in, int groupCount) {
            if (kind != Kind.UNIQ) {
                return false;
            }
            pendingHashes += sketch(group).deferSerialized(in, UNIQ_LIMIT);
            pending = true;
            if (pendingHashes > MAX_PENDING_HASHES) {
                flushPending();
            }
            return true;
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            States from = (States) other;
            for (int g = 0; g < mapping.length && g < from.sketches.length; g++) {
                HashSketch source = from.sketches[g];
                if (source == null) {
                    continue;
                }
                HashSketch target = sketch(mapping[g]);
                if (kind == Kind.UNIQ) {
                    if (source.hasPending()) {
                        target.takePending(source);
                        pending = true;
                    }
                    target.mergeFrom(source, UNIQ_LIMIT, 0);
                    continue;
                }
                int setLimit = kind == Kind.UNIQ_COMBINED ? COMBINED_SET_LIMIT : HLL12_SET_LIMIT;
                int precision = kind == Kind.UNIQ_COMBINED ? COMBINED_PRECISION : HLL12_PRECISION;
                if (source.isHyperLogLog() && !target.isHyperLogLog()) {
                    target.toHyperLogLog(precision);
                }
                target.mergeFrom(source, 0, precision);
                if (!target.isHyperLogLog() && target.size() > setLimit) {
                    target.toHyperLogLog(precision);
                }
            }
            pendingHashes += from.pendingHashes;
            from.pendingHashes = 0;
            if (pendingHashes > MAX_PENDING_HASHES) {
                flushPending();
            }
        }

        @Override
        public Column result(int groupCount) {
            flushPending();
            long[] out = new long[groupCount];
            for (int g = 0; g < groupCount && g < sketches.length; g++) {
                HashSketch sketch = sketches[g];
                if (sketch != null) {
                    out[g] = sketch.isHyperLogLog()
                            ? sketch.hyperLogLogEstimate()
                            : kind == Kind.UNIQ ? sketch.thinnedEstimate() : sketch.size();
                }
            }
            return new LongColumn(out, null, groupCount);
        }

        @Override
        public void serialize(int group, GrowableByteArray out) {
            flushPending();
            (group < sketches.length && sketches[group] != null ? sketches[group] : new HashSketch()).serialize(out);
        }

        @Override
        public void deserialize(StateReader in) {
            if (sketches.length == 0) {
                sketches = new HashSketch[1];
            }
            sketches[0] = HashSketch.deserialize(in);
        }
    }
}
