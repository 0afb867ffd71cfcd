package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.ArrayList;
import java.util.HashSet;
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

    private static final class States implements AggregateStates {
        private final List<HashSet<Object>> sets = new ArrayList<>();

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            while (sets.size() < groupCount) {
                sets.add(new HashSet<>());
            }
            Column[] columns = new Column[arguments.length];
            for (int a = 0; a < arguments.length; a++) {
                columns[a] = arguments[a].materialize();
            }
            for (int i = 0; i < rows; i++) {
                sets.get(groups[i]).add(RowKeys.key(columns, i));
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            States from = (States) other;
            while (sets.size() < groupCount) {
                sets.add(new HashSet<>());
            }
            for (int g = 0; g < mapping.length && g < from.sets.size(); g++) {
                sets.get(mapping[g]).addAll(from.sets.get(g));
            }
        }

        @Override
        public Column result(int groupCount) {
            long[] out = new long[groupCount];
            for (int g = 0; g < groupCount && g < sets.size(); g++) {
                out[g] = sets.get(g).size();
            }
            return new LongColumn(out, null, groupCount);
        }

        /** The number of distinct keys, then each key: a tagged Int64, byte string or list of keys. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            HashSet<Object> set = group < sets.size() ? sets.get(group) : new HashSet<>();
            out.writeVarUInt(set.size());
            for (Object key : set) {
                RowKeys.write(key, out);
            }
        }

        @Override
        public void deserialize(StateReader in) {
            while (sets.isEmpty()) {
                sets.add(new HashSet<>());
            }
            long size = in.readVarUInt();
            for (long i = 0; i < size; i++) {
                sets.get(0).add(RowKeys.read(in));
            }
        }
    }
}
