package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.NumericTypes;
import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.ArrayList;
import java.util.List;

/**
 * The quantile family: {@code quantile[s][Exact|TDigest|Timing](levels)(x)} and the median aliases. One level
 * (default 0.5) gives a value, {@code quantiles} an array in the order of its levels.
 */
public final class QuantileFunction implements AggregateFunction {
    /** How values are kept and a quantile read from them. */
    public enum Method {
        /** Every value, interpolating between neighbours (ClickHouse samples 8192 values; exact below that). */
        INTERPOLATED("quantile", "Float64 interpolated between the two nearest values"),
        /** Every value; the value at position level * count of the sorted values. */
        EXACT("quantileExact", "the value at position level * count of the sorted values, of the argument's type"),
        /** ClickHouse's t-digest (Float32 centroids, relative error about 1%). */
        TDIGEST("quantileTDigest", "approximate, from a t-digest, as Float32"),
        /** Like EXACT over whole milliseconds capped at 30000, as Float32 (for page load times). */
        TIMING("quantileTiming", "for times in milliseconds: whole numbers capped at 30000, as Float32");

        final String single;
        final String what;

        Method(String single, String what) {
            this.single = single;
            this.what = what;
        }
    }

    private final Method method;
    private final boolean many;
    private final String name;
    /** Takes a second argument, the determinator, which does not change the result here. */
    private final boolean withDeterminator;

    private final List<String> parameters;
    private final double[] levels;

    public QuantileFunction(Method method, boolean many) {
        this(method, many, many ? method.single.replace("quantile", "quantiles") : method.single, List.of(), false);
    }

    /**
     * quantileDeterministic(level)(x, determinator) and its plural: ClickHouse samples 8192 values picked by the
     * determinator; every value is kept here, so the result is quantile's (the same below 8192 values).
     */
    private static QuantileFunction deterministic(boolean many) {
        return new QuantileFunction(
                Method.INTERPOLATED, many, many ? "quantilesDeterministic" : "quantileDeterministic", List.of(), true);
    }

    private QuantileFunction(
            Method method, boolean many, String name, List<String> parameters, boolean withDeterminator) {
        this.method = method;
        this.many = many;
        this.name = name;
        this.withDeterminator = withDeterminator;
        this.parameters = parameters;
        this.levels = new double[parameters.isEmpty() ? 1 : parameters.size()];
        levels[0] = 0.5;
        for (int i = 0; i < parameters.size(); i++) {
            levels[i] = AggregateParameters.level(name, parameters.get(i));
        }
    }

    /** The median alias of a single-level function: {@code median}, {@code medianExact}, ... */
    public String medianAlias() {
        return many ? null : name.replace("quantile", "median");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> aliases() {
        String alias = medianAlias();
        return alias == null ? List.of() : List.of(alias);
    }

    @Override
    public String description() {
        return (many ? "Quantiles at each level parameter" : "Quantile at the level parameter (default 0.5)") + ": "
                + method.what + (withDeterminator ? "; the second argument, the determinator, is accepted" : "") + ".";
    }

    @Override
    public String example() {
        return "SELECT " + name + (many ? "(0.1, 0.5, 0.9)" : "(0.9)")
                + (withDeterminator ? "(number, number)" : "(number)") + " FROM numbers(100)";
    }

    @Override
    public AggregateFunction withParameters(List<String> parameters) {
        if (parameters.isEmpty() && !many) {
            return this;
        }
        AggregateParameters.expectCount(name, parameters, 1, many ? Integer.MAX_VALUE : 1);
        return new QuantileFunction(method, many, name, parameters, withDeterminator);
    }

    @Override
    public List<String> parameters() {
        return parameters;
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name, types, withDeterminator ? 2 : 1, withDeterminator ? 2 : 1);
        DataType type = types.get(0);
        if (withDeterminator && !(types.get(1) instanceof IntegerType)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type " + types.get(1).name() + " of the determinator of aggregate function " + name);
        }
        boolean temporal = type instanceof DateType || type instanceof DateTimeType;
        if (!NumericTypes.isNumeric(type) && !temporal) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type " + type.name() + " of argument for aggregate function " + name);
        }
        if (many && parameters.isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function " + name + " requires at least one parameter");
        }
        DataType value = switch (method) {
            case INTERPOLATED -> temporal ? type : FloatType.FLOAT64;
            case EXACT -> type;
            case TDIGEST -> temporal ? type : FloatType.FLOAT32;
            case TIMING -> FloatType.FLOAT32;
        };
        DataType result = many ? new ArrayType(value) : value;
        boolean unsigned64 = type instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
        return new BoundAggregate(result, () -> switch (method) {
            case TDIGEST -> new TDigestStates(this, type, value);
            default -> new QuantileValueStates(this, method, type, value, unsigned64);
        });
    }

    double[] levels() {
        return levels;
    }

    boolean many() {
        return many;
    }

    /** The result column from {@code levels().length} values a group, made one array a group for quantiles. */
    Column result(Column elements, int groupCount) {
        return many ? perGroup(elements, groupCount, levels.length) : elements;
    }

    /** {@code levels} consecutive elements a group as one array a group. */
    static Column perGroup(Column elements, int groupCount, int levels) {
        int[] offsets = new int[groupCount + 1];
        for (int g = 0; g <= groupCount; g++) {
            offsets[g] = g * levels;
        }
        return new ArrayColumn(offsets, elements, null, groupCount);
    }

    public static List<AggregateFunction> all() {
        List<AggregateFunction> all = new ArrayList<>();
        for (Method method : Method.values()) {
            all.add(new QuantileFunction(method, false));
            all.add(new QuantileFunction(method, true));
        }
        all.add(deterministic(false));
        all.add(deterministic(true));
        return all;
    }
}
