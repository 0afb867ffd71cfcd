package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** entropy(x): the Shannon entropy, in bits, of the group's distribution of values. Float64. */
public final class EntropyFunction implements AggregateFunction {
    @Override
    public String name() {
        return "entropy";
    }

    @Override
    public String description() {
        return "The Shannon entropy (in bits) of the values' distribution: -sum(p * log2(p)) over distinct values.";
    }

    @Override
    public String example() {
        return "SELECT entropy(number % 4) FROM numbers(8)";
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name(), types, 1, 1);
        RowKeys.checkScalar(name(), types.get(0));
        return new BoundAggregate(FloatType.FLOAT64, States::new);
    }

    private static final class States extends PerGroupStates<Map<Object, long[]>> {
        @Override
        Map<Object, long[]> newState() {
            return new HashMap<>();
        }

        @Override
        void add(Map<Object, long[]> state, Column[] arguments, int row) {
            state.computeIfAbsent(RowKeys.value(arguments[0], row), key -> new long[1])[0]++;
        }

        @Override
        void merge(Map<Object, long[]> into, Map<Object, long[]> from) {
            for (Map.Entry<Object, long[]> entry : from.entrySet()) {
                into.computeIfAbsent(entry.getKey(), key -> new long[1])[0] += entry.getValue()[0];
            }
        }

        @Override
        Column result(List<Map<Object, long[]>> states) {
            double[] out = new double[states.size()];
            for (int g = 0; g < out.length; g++) {
                long total = 0;
                for (long[] count : states.get(g).values()) {
                    total += count[0];
                }
                double entropy = 0;
                for (long[] count : states.get(g).values()) {
                    double p = (double) count[0] / total;
                    entropy -= p * Math.log(p) / Math.log(2);
                }
                out[g] = entropy;
            }
            return new DoubleColumn(out, null, out.length);
        }

        /** VarUInt number of values, then each value as a key and its VarUInt count. */
        @Override
        void write(Map<Object, long[]> state, GrowableByteArray out) {
            out.writeVarUInt(state.size());
            for (Map.Entry<Object, long[]> entry : state.entrySet()) {
                RowKeys.write(entry.getKey(), out);
                out.writeVarUInt(entry.getValue()[0]);
            }
        }

        @Override
        Map<Object, long[]> read(StateReader in) {
            Map<Object, long[]> state = new HashMap<>();
            long size = in.readVarUInt();
            for (long i = 0; i < size; i++) {
                Object key = RowKeys.read(in);
                state.put(key, new long[] {in.readVarUInt()});
            }
            return state;
        }
    }
}
