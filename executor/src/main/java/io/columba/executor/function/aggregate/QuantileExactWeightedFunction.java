package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * quantileExactWeighted(level)(x, weight) and quantilesExactWeighted(levels...)(x, weight), as ClickHouse computes
 * them: the weights of each distinct value summed, the values sorted, and the first value whose running weight reaches
 * ceil(level * total weight); the argument's type (0 for no rows). Integer and float arguments.
 */
public final class QuantileExactWeightedFunction implements AggregateFunction {
    private final boolean many;
    private final List<String> parameters;
    private final double[] levels;

    public QuantileExactWeightedFunction(boolean many) {
        this(many, List.of());
    }

    private QuantileExactWeightedFunction(boolean many, List<String> parameters) {
        this.many = many;
        this.parameters = parameters;
        this.levels = new double[parameters.isEmpty() ? 1 : parameters.size()];
        levels[0] = 0.5;
        for (int i = 0; i < parameters.size(); i++) {
            levels[i] = AggregateParameters.level(name(), parameters.get(i));
        }
    }

    @Override
    public String name() {
        return many ? "quantilesExactWeighted" : "quantileExactWeighted";
    }

    @Override
    public List<String> aliases() {
        return many ? List.of() : List.of("medianExactWeighted");
    }

    @Override
    public String description() {
        return "Exact quantile" + (many ? "s at each level" : " at the level (default 0.5)")
                + " of values each counted weight times: the first sorted value whose running weight reaches"
                + " level * the total weight.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + (many ? "(0.1, 0.9)" : "(0.5)") + "(number, number) FROM numbers(10)";
    }

    @Override
    public AggregateFunction withParameters(List<String> newParameters) {
        if (newParameters.isEmpty() && !many) {
            return this;
        }
        AggregateParameters.expectCount(name(), newParameters, 1, many ? Integer.MAX_VALUE : 1);
        return new QuantileExactWeightedFunction(many, newParameters);
    }

    @Override
    public List<String> parameters() {
        return parameters;
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name(), types, 2, 2);
        DataType type = types.get(0);
        if (!(type instanceof IntegerType || type instanceof FloatType) || !(types.get(1) instanceof IntegerType)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal types " + types.get(0).name() + " and "
                            + types.get(1).name() + " of arguments of" + " aggregate function " + name());
        }
        if (many && parameters.isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function " + name() + " requires at least one parameter");
        }
        return new BoundAggregate(many ? new ArrayType(type) : type, () -> new States(type));
    }

    /** Per group, each distinct value (a long, or a double's bits) with its summed weight. */
    private final class States implements AggregateStates {
        private final DataType type;
        private final boolean floating;
        private final boolean unsigned64;
        private final List<Map<Long, Long>> groups = new ArrayList<>();

        States(DataType type) {
            this.type = type;
            this.floating = type instanceof FloatType;
            this.unsigned64 = type instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
        }

        private Map<Long, Long> group(int group) {
            while (groups.size() <= group) {
                groups.add(new HashMap<>());
            }
            return groups.get(group);
        }

        @Override
        public void add(int[] rowsGroups, Column[] arguments, int rows, int groupCount) {
            group(groupCount - 1);
            long[] weights = Operands.longs(arguments[1], rows);
            if (floating) {
                double[] values = Operands.doubles(arguments[0], type, rows);
                for (int i = 0; i < rows; i++) {
                    groups.get(rowsGroups[i]).merge(Double.doubleToLongBits(values[i] + 0.0), weights[i], Long::sum);
                }
            } else {
                long[] values = Operands.longs(arguments[0], rows);
                for (int i = 0; i < rows; i++) {
                    groups.get(rowsGroups[i]).merge(values[i], weights[i], Long::sum);
                }
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            States from = (States) other;
            group(groupCount - 1);
            for (int g = 0; g < mapping.length && g < from.groups.size(); g++) {
                Map<Long, Long> target = groups.get(mapping[g]);
                from.groups.get(g).forEach((value, weight) -> target.merge(value, weight, Long::sum));
            }
        }

        private int compare(long a, long b) {
            if (floating) {
                return Double.compare(Double.longBitsToDouble(a), Double.longBitsToDouble(b));
            }
            return unsigned64 ? Long.compareUnsigned(a, b) : Long.compare(a, b);
        }

        @Override
        public Column result(int groupCount) {
            long[] out = new long[groupCount * levels.length];
            for (int g = 0; g < groupCount; g++) {
                Map<Long, Long> values = g < groups.size() ? groups.get(g) : Map.of();
                List<Map.Entry<Long, Long>> sorted = new ArrayList<>(values.entrySet());
                sorted.sort((a, b) -> compare(a.getKey(), b.getKey()));
                double total = 0;
                for (Map.Entry<Long, Long> entry : sorted) {
                    total += entry.getValue();
                }
                for (int l = 0; l < levels.length; l++) {
                    out[g * levels.length + l] = sorted.isEmpty() ? 0 : pick(sorted, Math.ceil(total * levels[l]));
                }
            }
            Column elements = floating ? doubles(out) : new LongColumn(out, null, out.length);
            return many ? QuantileFunction.perGroup(elements, groupCount, levels.length) : elements;
        }

        private static long pick(List<Map.Entry<Long, Long>> sorted, double threshold) {
            double accumulated = 0;
            for (Map.Entry<Long, Long> entry : sorted) {
                accumulated += entry.getValue();
                if (accumulated >= threshold) {
                    return entry.getKey();
                }
            }
            return sorted.get(sorted.size() - 1).getKey();
        }

        private static Column doubles(long[] bits) {
            double[] values = new double[bits.length];
            for (int i = 0; i < bits.length; i++) {
                values[i] = Double.longBitsToDouble(bits[i]);
            }
            return new DoubleColumn(values, null, values.length);
        }

        /** VarUInt count, then each value (8 bytes) and its weight (8 bytes). */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            Map<Long, Long> values = group(group);
            out.writeVarUInt(values.size());
            values.forEach((value, weight) -> {
                out.writeLong(value);
                out.writeLong(weight);
            });
        }

        @Override
        public void deserialize(StateReader in) {
            Map<Long, Long> values = group(0);
            long count = in.readVarUInt();
            for (long i = 0; i < count; i++) {
                values.merge(in.readLong(), in.readLong(), Long::sum);
            }
        }
    }
}
