package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Sketch;
import org.apache.datasketches.theta.Union;
import org.apache.datasketches.theta.UpdateSketch;

/**
 * uniqTheta(x, ...): distinct values counted by an Apache DataSketches Theta sketch as ClickHouse keeps it: 4096
 * nominal entries (lg_k 12), seed 9001, exact below 4096 distinct values. One argument feeds the sketch the
 * value's own bytes (numbers little-endian at their width, -0.0 as 0.0; strings their bytes; empty strings are
 * ignored, as the library ignores empty input); several feed ClickHouse's variadic CityHash64 of the row. Merged
 * states are unioned. The state is VarUInt size + the compact sketch's serialization (size 0: no rows).
 */
public final class UniqThetaFunction implements AggregateFunction {
    static final int NOMINAL_ENTRIES = 1 << 12;

    @Override
    public String name() {
        return "uniqTheta";
    }

    @Override
    public String description() {
        return "Approximate number of distinct values (or tuples) of the arguments with a Theta sketch of 4096"
                + " nominal entries (exact below that); uniqThetaUnion, uniqThetaIntersect and uniqThetaNot combine"
                + " its states. UInt64.";
    }

    @Override
    public String example() {
        return "SELECT uniqTheta(number % 7) FROM numbers(100)";
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        List<DataType> argumentTypes = UniqFunction.scalarArguments(name(), types);
        return new BoundAggregate(IntegerType.UINT64, () -> new States(argumentTypes));
    }

    static UpdateSketch newSketch() {
        return UpdateSketch.builder().setNominalEntries(NOMINAL_ENTRIES).build();
    }

    static Union newUnion() {
        return SetOperation.builder().setNominalEntries(NOMINAL_ENTRIES).buildUnion();
    }

    /** A serialized compact sketch (without its VarUInt size), or null for the empty state. */
    static CompactSketch read(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        return ThetaSketchFormat.read(bytes);
    }

    /** How uniqThetaUnion, uniqThetaIntersect and uniqThetaNot combine two states. */
    public enum Combination {
        UNION,
        INTERSECT,
        NOT
    }

    /**
     * Two serialized states (VarUInt size + compact sketch) combined as ClickHouse's ThetaSketchData does it: an
     * intersection or difference with an empty right state leaves the left one as it is.
     */
    public static byte[] combine(Combination combination, byte[] left, byte[] right) {
        ThetaState state = new ThetaState();
        state.merge(read(new StateReader(left, 0, left.length)));
        CompactSketch other = read(new StateReader(right, 0, right.length));
        Sketch current = state.sketch();
        if (other != null && (current != null || combination == Combination.UNION)) {
            switch (combination) {
                case UNION -> state.merge(other);
                case INTERSECT ->
                    state.replace(SetOperation.builder()
                            .setNominalEntries(NOMINAL_ENTRIES)
                            .buildIntersection()
                            .intersect(current, other));
                case NOT -> state.replace(SetOperation.builder().buildANotB().aNotB(current, other));
            }
        }
        GrowableByteArray out = new GrowableByteArray(64);
        state.write(out);
        return java.util.Arrays.copyOf(out.bytes(), out.length());
    }

    private static CompactSketch read(StateReader in) {
        CompactSketch sketch = read(in.readBytes((int) in.readVarUInt()));
        in.expectEnd();
        return sketch;
    }

    /** One group's sketch: inserted into {@code update} until a merge moves everything into {@code union}. */
    static final class ThetaState {
        private UpdateSketch update;
        private Union union;

        void insert(byte[] bytes) {
            if (update == null) {
                update = newSketch();
            }
            update.update(bytes);
            afterInsert();
        }

        void insert(long hash) {
            if (update == null) {
                update = newSketch();
            }
            update.update(hash);
            afterInsert();
        }

        /** An insert after a merge goes into the union at once, as ClickHouse's ThetaSketchData does. */
        private void afterInsert() {
            if (union != null) {
                union.union(update);
                update = null;
            }
        }

        void merge(Sketch other) {
            if (union == null) {
                union = newUnion();
            }
            if (update != null) {
                union.union(update);
                update = null;
            }
            if (other != null) {
                union.union(other);
            }
        }

        /** Makes {@code sketch} all this state holds. */
        void replace(Sketch sketch) {
            update = null;
            union = newUnion();
            union.union(sketch);
        }

        /** The sketch so far, or null when nothing was inserted or merged. */
        Sketch sketch() {
            if (update != null) {
                return update;
            }
            return union == null ? null : union.getResult();
        }

        long estimate() {
            Sketch sketch = sketch();
            return sketch == null ? 0 : (long) sketch.getEstimate();
        }

        void write(GrowableByteArray out) {
            Sketch sketch = sketch();
            byte[] bytes = sketch == null ? new byte[0] : ThetaSketchFormat.write(sketch);
            out.writeVarUInt(bytes.length);
            out.write(bytes, 0, bytes.length);
        }
    }

    private static final class States implements AggregateStates {
        private final List<DataType> types;
        private final List<ThetaState> states = new ArrayList<>();

        States(List<DataType> types) {
            this.types = types;
        }

        private ThetaState state(int group) {
            while (states.size() <= group) {
                states.add(new ThetaState());
            }
            return states.get(group);
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            if (arguments.length > 1) {
                long[] hashes = UniqFunction.variadicHashes(arguments, types, rows);
                for (int i = 0; i < rows; i++) {
                    state(groups[i]).insert(hashes[i]);
                }
                return;
            }
            Column plain = arguments[0].materialize();
            DataType type = types.get(0).withoutNullable();
            byte[] scratch = new byte[8];
            for (int i = 0; i < rows; i++) {
                state(groups[i]).insert(valueBytes(plain, type, i, scratch));
            }
        }

        /** What ClickHouse's getDataAt gives for the row: the value's bytes, little-endian for numbers. */
        private static byte[] valueBytes(Column column, DataType type, int row, byte[] scratch) {
            long bits;
            int width;
            switch (column) {
                case StringColumn strings -> {
                    return strings.getBytes(row);
                }
                case LongColumn longs -> {
                    bits = longs.get(row);
                    width = type.fixedWidth();
                }
                case DoubleColumn doubles -> {
                    double value = doubles.get(row) + 0.0;
                    boolean float32 = type == FloatType.FLOAT32;
                    bits = float32 ? Float.floatToRawIntBits((float) value) : Double.doubleToRawLongBits(value);
                    width = float32 ? 4 : 8;
                }
                default -> throw new IllegalStateException("refused when binding");
            }
            byte[] bytes = width == scratch.length ? scratch : new byte[width];
            for (int b = 0; b < width; b++) {
                bytes[b] = (byte) (bits >>> (8 * b));
            }
            return bytes;
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            List<ThetaState> from = ((States) other).states;
            for (int g = 0; g < mapping.length && g < from.size(); g++) {
                Sketch sketch = from.get(g).sketch();
                if (sketch != null) {
                    state(mapping[g]).merge(sketch);
                }
            }
        }

        @Override
        public Column result(int groupCount) {
            long[] out = new long[groupCount];
            for (int g = 0; g < groupCount; g++) {
                out[g] = state(g).estimate();
            }
            return new LongColumn(out, null, groupCount);
        }

        @Override
        public void serialize(int group, GrowableByteArray out) {
            state(group).write(out);
        }

        @Override
        public void deserialize(StateReader in) {
            CompactSketch sketch = UniqThetaFunction.read(in.readBytes((int) in.readVarUInt()));
            if (sketch != null) {
                state(0).merge(sketch);
            }
        }
    }
}
