package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import java.util.LinkedHashSet;
import java.util.List;

/** groupUniqArray: the group's distinct non-NULL values as an array (in the order first met; ClickHouse's is a hash order). */
public final class GroupUniqArrayFunction implements AggregateFunction {
    @Override
    public String name() {
        return "groupUniqArray";
    }

    @Override
    public String description() {
        return "The distinct values of the argument in a group, NULLs skipped, as an array in no particular order.";
    }

    @Override
    public String example() {
        return "SELECT length(groupUniqArray(number % 3)) FROM numbers(10)";
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name(), types, 1, 1);
        DataType element = types.get(0);
        RowKeys.checkScalar(name(), element);
        return new BoundAggregate(new ArrayType(element), () -> new States(element));
    }

    static final class States implements AggregateStates {
        private final DataType element;
        final GroupKeySets sets = new GroupKeySets();

        States(DataType element) {
            this.element = element;
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            Column values = arguments[0].materialize();
            for (int i = 0; i < rows; i++) {
                sets.of(groups[i]).add(RowKeys.value(values, i));
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            sets.addAll(((States) other).sets, mapping);
        }

        @Override
        public Column result(int groupCount) {
            int[] offsets = new int[groupCount + 1];
            ColumnBuilder elements = ColumnBuilder.forType(element, groupCount);
            for (int g = 0; g < groupCount; g++) {
                for (Object value : sets.of(g)) {
                    RowKeys.append(elements, value);
                }
                offsets[g + 1] = elements.size();
            }
            return new ArrayColumn(offsets, elements.build(), null, groupCount);
        }

        /** VarUInt count, then each value as a key. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            LinkedHashSet<Object> set = sets.of(group);
            out.writeVarUInt(set.size());
            for (Object value : set) {
                RowKeys.write(value, out);
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
