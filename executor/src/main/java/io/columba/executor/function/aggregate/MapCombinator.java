package io.columba.executor.function.aggregate;

import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.column.ValueOrder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.MapType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * fMap(m): f of the values of each key of a Map(K, V) column separately, a Map(K, result of f) with the keys in
 * ascending order, as ClickHouse's -Map combinator (sumMap, minMap and maxMap of a Map come here too, so their
 * sums are sum's and keys whose sum is zero stay). Other arguments than one Map are refused.
 */
public final class MapCombinator extends Combinator {
    public MapCombinator(AggregateFunction nested) {
        super(nested, "Map");
    }

    @Override
    protected AggregateFunction over(AggregateFunction nested) {
        return new MapCombinator(nested);
    }

    @Override
    public String description() {
        return nested.name() + " of the values of each key of a Map, as a Map with the keys sorted.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "(map('a', number, 'b', number * 2)) FROM numbers(4)";
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> argumentTypes) {
        if (argumentTypes.size() != 1 || !(argumentTypes.get(0) instanceof MapType map)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Aggregation '" + name() + "' takes one Map argument, got "
                            + argumentTypes.stream().map(DataType::name).toList()
                            + (argumentTypes.size() == 2 ? ": it is not implemented for mapped arrays" : ""));
        }
        BoundAggregate inner = AggregateBinder.bind(nested, List.of(map.value()));
        return new BoundAggregate(new MapType(map.key(), inner.resultType()), () -> new States(inner, map.key()));
    }

    /** Group g's key k is inner group {@code slots.get(g).get(k)}; {@code keys} holds each inner group's key. */
    private static final class States implements AggregateStates {
        private final BoundAggregate bound;
        private final AggregateStates inner;
        private final DataType keyType;
        private final List<Map<Object, Integer>> slots = new ArrayList<>();
        private final ColumnBuilder keys;
        private Column builtKeys;

        States(BoundAggregate bound, DataType keyType) {
            this.bound = bound;
            this.inner = bound.newStates();
            this.keyType = keyType;
            this.keys = ColumnBuilder.forType(keyType, 16);
        }

        private Map<Object, Integer> group(int group) {
            while (slots.size() <= group) {
                slots.add(new HashMap<>());
            }
            return slots.get(group);
        }

        private int slot(int group, Column keyColumn, int row) {
            Map<Object, Integer> keysOfGroup = group(group);
            Object key = RowKeys.value(keyColumn, row);
            Integer slot = keysOfGroup.get(key);
            if (slot == null) {
                slot = keys.size();
                keys.appendFrom(keyColumn, row);
                builtKeys = null;
                keysOfGroup.put(key, slot);
            }
            return slot;
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            ArrayColumn maps = (ArrayColumn) arguments[0].materialize();
            TupleColumn entries = (TupleColumn) maps.elements();
            Column keyColumn = entries.elements().get(0).materialize();
            int[] offsets = maps.offsets();
            int first = offsets[0];
            int total = offsets[rows] - first;
            int[] innerGroups = new int[total];
            int[] positions = new int[total];
            for (int i = 0; i < rows; i++) {
                for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                    innerGroups[e - first] = slot(groups[i], keyColumn, e);
                    positions[e - first] = e;
                }
            }
            Column values = entries.elements().get(1).take(positions, total);
            inner.add(innerGroups, new Column[] {values}, total, keys.size());
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            States from = (States) other;
            Column theirKeys = from.keys();
            int[] innerMapping = new int[from.keys.size()];
            for (int g = 0; g < mapping.length && g < from.slots.size(); g++) {
                for (int slot : from.slots.get(g).values()) {
                    innerMapping[slot] = slot(mapping[g], theirKeys, slot);
                }
            }
            inner.merge(from.inner, innerMapping, keys.size());
        }

        private Column keys() {
            if (builtKeys == null) {
                builtKeys = keys.build();
            }
            return builtKeys;
        }

        /** The inner groups of a group, by ascending key. */
        private int[] sortedSlots(int group) {
            Column all = keys();
            Integer[] order = group(group).values().toArray(new Integer[0]);
            java.util.Arrays.sort(order, (a, b) -> ValueOrder.compare(all, a, all, b, keyType));
            int[] out = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                out[i] = order[i];
            }
            return out;
        }

        @Override
        public Column result(int groupCount) {
            int[] offsets = new int[groupCount + 1];
            int[] order = new int[keys.size()];
            int at = 0;
            for (int g = 0; g < groupCount; g++) {
                for (int slot : sortedSlots(g)) {
                    order[at++] = slot;
                }
                offsets[g + 1] = at;
            }
            Column values = inner.result(keys.size());
            TupleColumn entries = new TupleColumn(List.of(keys().take(order, at), values.take(order, at)), null, at);
            return new ArrayColumn(offsets, entries, null, groupCount);
        }

        /** VarUInt number of keys, then each key (as groupArray writes values) and its inner state, keys ascending. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            int[] sorted = sortedSlots(group);
            inner.result(keys.size());
            out.writeVarUInt(sorted.length);
            Column all = keys();
            for (int slot : sorted) {
                GroupArrayFunction.writeValue(out, all, slot, keyType);
                inner.serialize(slot, out);
            }
        }

        @Override
        public void deserialize(StateReader in) {
            long count = in.readVarUInt();
            int[] mapping = new int[1];
            for (long i = 0; i < count; i++) {
                ColumnBuilder key = ColumnBuilder.forType(keyType, 1);
                GroupArrayFunction.readValue(in, key, keyType);
                AggregateStates one = bound.newStates();
                one.deserialize(in);
                mapping[0] = slot(0, key.build(), 0);
                inner.merge(one, mapping, keys.size());
            }
        }
    }
}
