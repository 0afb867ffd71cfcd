package io.columba.executor.function.aggregate;

import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import java.util.Arrays;
import java.util.List;

/** fForEach(arrays...): f for each array position separately; an array of results as long as the longest input. */
public final class ForEachCombinator extends Combinator {
    public ForEachCombinator(AggregateFunction nested) {
        super(nested, "ForEach");
    }

    @Override
    protected AggregateFunction over(AggregateFunction nested) {
        return new ForEachCombinator(nested);
    }

    @Override
    public String description() {
        return nested.name() + " of each array position, as an array.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "([number, 1]) FROM numbers(3)";
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> argumentTypes) {
        BoundAggregate inner = AggregateBinder.bind(nested, ArrayCombinator.elementTypes(name(), argumentTypes));
        return new BoundAggregate(new ArrayType(inner.resultType()), () -> new States(inner));
    }

    /** Group g's position p is inner group {@code slots[g][p]}; inner groups are numbered as first met. */
    private static final class States implements AggregateStates {
        private final BoundAggregate bound;
        private final AggregateStates inner;
        private int[][] slots = new int[16][];
        private int innerGroups;

        States(BoundAggregate bound) {
            this.bound = bound;
            this.inner = bound.newStates();
        }

        private int slot(int group, int position) {
            if (slots.length <= group) {
                slots = Arrays.copyOf(slots, Math.max(group + 1, slots.length * 2));
            }
            int[] positions = slots[group];
            if (positions == null || positions.length <= position) {
                int old = positions == null ? 0 : positions.length;
                positions = positions == null ? new int[position + 1] : Arrays.copyOf(positions, position + 1);
                for (int p = old; p <= position; p++) {
                    positions[p] = innerGroups++;
                }
                slots[group] = positions;
            }
            return positions[position];
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            ArrayCombinator.Flattened flat = ArrayCombinator.flatten(groups, arguments, rows);
            int[] innerGroupOf = new int[flat.rows()];
            for (int i = 0; i < flat.rows(); i++) {
                innerGroupOf[i] = slot(flat.groups()[i], flat.indexes()[i]);
            }
            inner.add(innerGroupOf, flat.columns(), flat.rows(), innerGroups);
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            States from = (States) other;
            int[] innerMapping = new int[from.innerGroups];
            for (int g = 0; g < mapping.length && g < from.slots.length; g++) {
                int[] positions = from.slots[g];
                for (int p = 0; positions != null && p < positions.length; p++) {
                    innerMapping[positions[p]] = slot(mapping[g], p);
                }
            }
            inner.merge(from.inner, innerMapping, innerGroups);
        }

        @Override
        public Column result(int groupCount) {
            int[] offsets = new int[groupCount + 1];
            for (int g = 0; g < groupCount; g++) {
                int[] positions = g < slots.length ? slots[g] : null;
                offsets[g + 1] = offsets[g] + (positions == null ? 0 : positions.length);
            }
            int[] order = new int[offsets[groupCount]];
            for (int g = 0; g < groupCount; g++) {
                int[] positions = g < slots.length ? slots[g] : null;
                for (int p = 0; positions != null && p < positions.length; p++) {
                    order[offsets[g] + p] = positions[p];
                }
            }
            Column all = inner.result(innerGroups);
            return new ArrayColumn(offsets, all.take(order, order.length), null, groupCount);
        }

        /** VarUInt number of positions, then each position's inner state. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            int[] positions = group < slots.length ? slots[group] : null;
            if (positions == null) {
                out.writeVarUInt(0);
                return;
            }
            inner.result(innerGroups);
            out.writeVarUInt(positions.length);
            for (int slot : positions) {
                inner.serialize(slot, out);
            }
        }

        @Override
        public void deserialize(StateReader in) {
            long count = in.readVarUInt();
            int[] mapping = new int[1];
            for (int p = 0; p < count; p++) {
                AggregateStates one = bound.newStates();
                one.deserialize(in);
                mapping[0] = slot(0, p);
                inner.merge(one, mapping, innerGroups);
            }
        }
    }
}
