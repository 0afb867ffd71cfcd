package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * fDistinct(args) and f(DISTINCT args): f over each group's distinct argument tuples. Groups keep the distinct
 * tuples (in the order met) and f runs over them when the result is asked for, as in ClickHouse.
 */
public final class DistinctCombinator extends Combinator {
    public DistinctCombinator(AggregateFunction nested) {
        super(nested, "Distinct");
    }

    @Override
    protected AggregateFunction over(AggregateFunction nested) {
        return new DistinctCombinator(nested);
    }

    @Override
    public String description() {
        return nested.name() + " over the distinct values of the arguments.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "(number % 3) FROM numbers(10)";
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return nested.nullableResultForNullableArguments();
    }

    @Override
    public BoundAggregate bind(List<DataType> argumentTypes) {
        BoundAggregate inner = AggregateBinder.bind(nested, argumentTypes);
        List<DataType> types = List.copyOf(argumentTypes);
        return new BoundAggregate(inner.resultType(), () -> new States(inner, types));
    }

    private static final class States implements AggregateStates {
        private final BoundAggregate inner;
        private final List<DataType> types;
        private final GroupKeySets sets = new GroupKeySets();

        States(BoundAggregate inner, List<DataType> types) {
            this.inner = inner;
            this.types = types;
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            Column[] columns = new Column[arguments.length];
            for (int a = 0; a < arguments.length; a++) {
                columns[a] = arguments[a].materialize();
            }
            for (int i = 0; i < rows; i++) {
                sets.of(groups[i]).add(RowKeys.key(columns, i));
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            sets.addAll(((States) other).sets, mapping);
        }

        @Override
        public Column result(int groupCount) {
            int total = 0;
            for (int g = 0; g < groupCount && g < sets.groups(); g++) {
                total += sets.of(g).size();
            }
            ColumnBuilder[] builders = new ColumnBuilder[types.size()];
            for (int a = 0; a < builders.length; a++) {
                builders[a] = ColumnBuilder.forType(types.get(a), total);
            }
            int[] groups = new int[total];
            int row = 0;
            for (int g = 0; g < groupCount && g < sets.groups(); g++) {
                for (Object key : sets.of(g)) {
                    groups[row++] = g;
                    for (int a = 0; a < builders.length; a++) {
                        RowKeys.append(builders[a], builders.length == 1 ? key : ((List<?>) key).get(a));
                    }
                }
            }
            Column[] columns = new Column[builders.length];
            for (int a = 0; a < builders.length; a++) {
                columns[a] = builders[a].build();
            }
            AggregateStates states = inner.newStates();
            states.add(groups, columns, total, groupCount);
            return states.result(groupCount);
        }

        /** VarUInt number of distinct tuples, then each as a key. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            LinkedHashSet<Object> set = sets.of(group);
            out.writeVarUInt(set.size());
            for (Object key : set) {
                RowKeys.write(key, out);
            }
        }

        @Override
        public void deserialize(StateReader in) {
            long count = in.readVarUInt();
            for (long i = 0; i < count; i++) {
                sets.of(0).add(RowKeys.read(in));
            }
        }
    }
}
