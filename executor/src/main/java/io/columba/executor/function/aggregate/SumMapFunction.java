package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.TupleType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * sumMap(keys, values): per key, the sum of the values at the same array positions, as ClickHouse 18.16 computes it:
 * numeric keys, sorted ascending (UInt64 unsigned), sums in the values' own type (integers wrap at its width), the
 * result {@code (keys, sums)}. Of one Map argument they are sum, min and max with the -Map combinator.
 */
public final class SumMapFunction implements AggregateFunction {
    /** How the values of one key fold: sumMap, maxMap or minMap. */
    public enum Operation {
        SUM,
        MAX,
        MIN
    }

    private final Operation operation;

    public SumMapFunction() {
        this(Operation.SUM);
    }

    public SumMapFunction(Operation operation) {
        this.operation = operation;
    }

    @Override
    public String name() {
        return operation.name().toLowerCase(java.util.Locale.ROOT) + "Map";
    }

    @Override
    public String description() {
        String fold = switch (operation) {
            case SUM -> "Sums";
            case MAX -> "Takes the largest of";
            case MIN -> "Takes the smallest of";
        };
        return fold + " the values array per key of the keys array over a group; returns (sorted keys, the"
                + " results), in the values' type. Of one Map argument it is the -Map combinator: a Map.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "(k, v) FROM (SELECT [1, 2] AS k, [10, 20] AS v UNION ALL SELECT [2, 3], [5, 7])";
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        if (types.size() == 1 && types.get(0) instanceof io.columba.storage.type.MapType) {
            // Of a Map, sumMap/minMap/maxMap are sum/min/max with the -Map combinator, as in ClickHouse.
            String plain = operation.name().toLowerCase(java.util.Locale.ROOT);
            return new MapCombinator(io.columba.executor.function.FunctionRegistry.builtin()
                            .aggregate(plain))
                    .bind(types);
        }
        Operands.expectCount(name(), types, 2, 2);
        DataType key = element(types, 0);
        DataType value = element(types, 1);
        TupleType result = TupleType.of(List.of(new ArrayType(key), new ArrayType(value)));
        return new BoundAggregate(result, () -> new States(key, value, operation));
    }

    private DataType element(List<DataType> types, int position) {
        if (types.get(position).withoutNullable() instanceof ArrayType array
                && (array.element() instanceof IntegerType || array.element() instanceof FloatType)) {
            return array.element();
        }
        throw new ColumbaException(
                ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                "Illegal type " + types.get(position).name() + " of argument " + (position + 1)
                        + " for aggregate function " + name() + ": expected an array of numbers");
    }

    static final class States implements AggregateStates {
        private final DataType key;
        private final DataType value;
        private final Operation operation;
        private final List<TreeMap<Number, Number>> maps = new ArrayList<>();

        States(DataType key, DataType value, Operation operation) {
            this.key = key;
            this.value = value;
            this.operation = operation;
        }

        private TreeMap<Number, Number> map(int group) {
            while (maps.size() <= group) {
                maps.add(new TreeMap<>(keyOrder()));
            }
            return maps.get(group);
        }

        private Comparator<Number> keyOrder() {
            if (key instanceof FloatType) {
                return Comparator.comparingDouble(Number::doubleValue);
            }
            boolean unsigned = key instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
            return unsigned
                    ? (a, b) -> Long.compareUnsigned(a.longValue(), b.longValue())
                    : Comparator.comparingLong(Number::longValue);
        }

        private void accumulate(TreeMap<Number, Number> map, Number k, Number v) {
            map.merge(k, v, this::fold);
        }

        private Number fold(Number a, Number b) {
            if (operation == Operation.SUM) {
                return value instanceof FloatType
                        ? (Number) (a.doubleValue() + b.doubleValue())
                        : (Number) (a.longValue() + b.longValue());
            }
            int order = value instanceof FloatType
                    ? Double.compare(a.doubleValue(), b.doubleValue())
                    : value instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8
                            ? Long.compareUnsigned(a.longValue(), b.longValue())
                            : Long.compare(a.longValue(), b.longValue());
            return (operation == Operation.MAX) == (order >= 0) ? a : b;
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            ArrayColumn keys = (ArrayColumn) arguments[0].materialize();
            ArrayColumn values = (ArrayColumn) arguments[1].materialize();
            for (int i = 0; i < rows; i++) {
                int from = keys.offsets()[i];
                int count = keys.offsets()[i + 1] - from;
                int valuesFrom = values.offsets()[i];
                if (values.offsets()[i + 1] - valuesFrom != count) {
                    throw new ColumbaException(ErrorCode.LOGICAL_ERROR, "Sizes of keys and values arrays do not match");
                }
                TreeMap<Number, Number> map = map(groups[i]);
                for (int j = 0; j < count; j++) {
                    accumulate(map, number(keys.elements(), from + j), number(values.elements(), valuesFrom + j));
                }
            }
        }

        private static Number number(Column column, int row) {
            return column instanceof DoubleColumn doubles ? doubles.get(row) : ((LongColumn) column).get(row);
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            List<TreeMap<Number, Number>> from = ((States) other).maps;
            for (int g = 0; g < mapping.length && g < from.size(); g++) {
                TreeMap<Number, Number> target = map(mapping[g]);
                for (Map.Entry<Number, Number> entry : from.get(g).entrySet()) {
                    accumulate(target, entry.getKey(), entry.getValue());
                }
            }
        }

        @Override
        public Column result(int groupCount) {
            int[] offsets = new int[groupCount + 1];
            List<Number> keys = new ArrayList<>();
            List<Number> sums = new ArrayList<>();
            for (int g = 0; g < groupCount; g++) {
                for (Map.Entry<Number, Number> entry : map(g).entrySet()) {
                    // sumMap leaves out the keys whose sum is zero, as ClickHouse does; minMap and maxMap keep all.
                    if (operation == Operation.SUM && isZero(entry.getValue())) {
                        continue;
                    }
                    keys.add(entry.getKey());
                    sums.add(entry.getValue());
                }
                offsets[g + 1] = keys.size();
            }
            return new TupleColumn(
                    List.of(
                            new ArrayColumn(offsets, numbers(keys, key), null, groupCount),
                            new ArrayColumn(offsets.clone(), numbers(sums, value), null, groupCount)),
                    null,
                    groupCount);
        }

        /** Whether a sum is zero before it is wrapped to the value type's width (as ClickHouse checks it). */
        private boolean isZero(Number sum) {
            return value instanceof FloatType ? sum.doubleValue() == 0 : sum.longValue() == 0;
        }

        /** The numbers as a column of {@code type}, integers wrapped to its width as ClickHouse's sums wrap. */
        private static Column numbers(List<Number> numbers, DataType type) {
            int size = numbers.size();
            if (type instanceof FloatType) {
                double[] out = new double[size];
                for (int i = 0; i < size; i++) {
                    out[i] = numbers.get(i).doubleValue();
                }
                return new DoubleColumn(out, null, size);
            }
            IntegerType integer = (IntegerType) type;
            int shift = 64 - 8 * integer.bytes();
            long[] out = new long[size];
            for (int i = 0; i < size; i++) {
                long bits = numbers.get(i).longValue() << shift;
                out[i] = integer.signed() ? bits >> shift : bits >>> shift;
            }
            return new LongColumn(out, null, size);
        }

        /** VarUInt count, then each key and sum as 8 little-endian bytes (a double's bits for floats). */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            TreeMap<Number, Number> map = map(group);
            out.writeVarUInt(map.size());
            for (Map.Entry<Number, Number> entry : map.entrySet()) {
                out.writeLong(bits(entry.getKey(), key));
                out.writeLong(bits(entry.getValue(), value));
            }
        }

        private static long bits(Number number, DataType type) {
            return type instanceof FloatType ? Double.doubleToRawLongBits(number.doubleValue()) : number.longValue();
        }

        private static Number fromBits(long bits, DataType type) {
            return type instanceof FloatType ? (Number) Double.longBitsToDouble(bits) : (Number) bits;
        }

        @Override
        public void deserialize(StateReader in) {
            long count = in.readVarUInt();
            TreeMap<Number, Number> map = map(0);
            for (long i = 0; i < count; i++) {
                accumulate(map, fromBits(in.readLong(), key), fromBits(in.readLong(), value));
            }
        }
    }
}
