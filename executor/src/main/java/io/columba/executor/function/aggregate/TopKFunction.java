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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * topK(n)(x): the n most frequent values, most frequent first (first met first on ties). Counts are exact here;
 * ClickHouse's Space-Saving sketch is exact too while a group has at most 3n distinct values.
 */
public final class TopKFunction implements AggregateFunction {
    private static final int DEFAULT_K = 10;
    private static final int MAX_K = 0xFFFFFF;

    private final int k;
    private final List<String> parameters;
    private final boolean weighted;

    public TopKFunction() {
        this(false);
    }

    /** topK, or topKWeighted(n)(x, weight) when {@code weighted}: each row counts its weight times. */
    public TopKFunction(boolean weighted) {
        this(DEFAULT_K, List.of(), weighted);
    }

    private TopKFunction(int k, List<String> parameters, boolean weighted) {
        this.k = k;
        this.parameters = parameters;
        this.weighted = weighted;
    }

    @Override
    public String name() {
        return weighted ? "topKWeighted" : "topK";
    }

    @Override
    public String description() {
        return weighted
                ? "The values of the largest total weight (10, or the parameter), heaviest first, as an array:"
                        + " topKWeighted(n)(x, weight)."
                : "The most frequent values (10, or the parameter), most frequent first, as an array.";
    }

    @Override
    public String example() {
        return weighted
                ? "SELECT topKWeighted(2)(number % 3, number) FROM numbers(10)"
                : "SELECT topK(2)(number % 3) FROM numbers(10)";
    }

    @Override
    public AggregateFunction withParameters(List<String> parameters) {
        if (parameters.isEmpty()) {
            return this;
        }
        AggregateParameters.expectCount(name(), parameters, 0, 1);
        long value;
        try {
            value = Long.parseLong(parameters.get(0));
        } catch (NumberFormatException e) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, "Parameter of aggregate function topK must be a whole number");
        }
        if (value <= 0 || value > MAX_K) {
            throw new ColumbaException(
                    ErrorCode.ARGUMENT_OUT_OF_BOUND,
                    "Parameter " + value + " is illegal for aggregate function " + name());
        }
        return new TopKFunction((int) value, parameters, weighted);
    }

    @Override
    public List<String> parameters() {
        return parameters;
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name(), types, weighted ? 2 : 1, weighted ? 2 : 1);
        DataType element = types.get(0);
        RowKeys.checkScalar(name(), element);
        if (weighted && !(types.get(1) instanceof io.columba.storage.type.IntegerType)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "The weight of aggregate function topKWeighted must be an integer, found "
                            + types.get(1).name());
        }
        return new BoundAggregate(new ArrayType(element), () -> new States(element, k));
    }

    private static final class States implements AggregateStates {
        private final DataType element;
        private final int k;
        private final List<LinkedHashMap<Object, long[]>> counts = new ArrayList<>();

        States(DataType element, int k) {
            this.element = element;
            this.k = k;
        }

        private LinkedHashMap<Object, long[]> counts(int group) {
            while (counts.size() <= group) {
                counts.add(new LinkedHashMap<>());
            }
            return counts.get(group);
        }

        private static void count(Map<Object, long[]> map, Object value, long times) {
            long[] count = map.get(value);
            if (count == null) {
                map.put(value, new long[] {times});
            } else {
                count[0] += times;
            }
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            Column values = arguments[0].materialize();
            long[] weights = arguments.length > 1 ? Operands.longs(arguments[1].materialize(), rows) : null;
            for (int i = 0; i < rows; i++) {
                count(counts(groups[i]), RowKeys.value(values, i), weights == null ? 1 : weights[i]);
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            States from = (States) other;
            for (int g = 0; g < mapping.length && g < from.counts.size(); g++) {
                Map<Object, long[]> target = counts(mapping[g]);
                for (Map.Entry<Object, long[]> entry : from.counts.get(g).entrySet()) {
                    count(target, entry.getKey(), entry.getValue()[0]);
                }
            }
        }

        @Override
        public Column result(int groupCount) {
            int[] offsets = new int[groupCount + 1];
            ColumnBuilder elements = ColumnBuilder.forType(element, groupCount);
            for (int g = 0; g < groupCount; g++) {
                List<Map.Entry<Object, long[]>> entries =
                        new ArrayList<>(counts(g).entrySet());
                // A stable sort: ties keep the order the values were first met.
                entries.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
                for (int i = 0; i < entries.size() && i < k; i++) {
                    RowKeys.append(elements, entries.get(i).getKey());
                }
                offsets[g + 1] = elements.size();
            }
            return new ArrayColumn(offsets, elements.build(), null, groupCount);
        }

        /** VarUInt number of values, then each value as a key and its VarUInt count. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            Map<Object, long[]> map = counts(group);
            out.writeVarUInt(map.size());
            for (Map.Entry<Object, long[]> entry : map.entrySet()) {
                RowKeys.write(entry.getKey(), out);
                out.writeVarUInt(entry.getValue()[0]);
            }
        }

        @Override
        public void deserialize(StateReader in) {
            long size = in.readVarUInt();
            for (long i = 0; i < size; i++) {
                Object key = RowKeys.read(in);
                count(counts(0), key, in.readVarUInt());
            }
        }
    }
}
