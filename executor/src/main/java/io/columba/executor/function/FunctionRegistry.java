package io.columba.executor.function;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.Constant;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.expression.FunctionInvocation;
import io.columba.executor.function.aggregate.AggregateFunction;
import io.columba.executor.function.aggregate.ArrayCombinator;
import io.columba.executor.function.aggregate.DistinctCombinator;
import io.columba.executor.function.aggregate.ForEachCombinator;
import io.columba.executor.function.aggregate.IfCombinator;
import io.columba.executor.function.aggregate.MergeCombinator;
import io.columba.executor.function.aggregate.OrNullCombinator;
import io.columba.executor.function.aggregate.SimpleStateCombinator;
import io.columba.executor.function.aggregate.StateCombinator;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.NothingType;
import io.columba.storage.type.NullableType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every function by name: exact names first, then the case-insensitive ones, as ClickHouse resolves them. */
public final class FunctionRegistry {
    private static final FunctionRegistry BUILTIN =
            new FunctionRegistry(BuiltinFunctions.scalars(), BuiltinFunctions.aggregates(), BuiltinFunctions.planned());

    private final Map<String, ScalarFunction> scalars = new LinkedHashMap<>();
    private final Map<String, ScalarFunction> scalarsIgnoringCase = new LinkedHashMap<>();
    private final Map<String, AggregateFunction> aggregates = new LinkedHashMap<>();
    private final Map<String, AggregateFunction> aggregatesIgnoringCase = new LinkedHashMap<>();
    private final List<PlannedFunction> planned;

    private FunctionRegistry(
            List<ScalarFunction> scalarList, List<AggregateFunction> aggregateList, List<PlannedFunction> planned) {
        this.planned = List.copyOf(planned);
        for (ScalarFunction function : scalarList) {
            register(scalars, scalarsIgnoringCase, function.name(), function.caseInsensitive(), function);
            for (String alias : function.aliases()) {
                register(scalars, scalarsIgnoringCase, alias, function.caseInsensitive(), function);
            }
        }
        for (AggregateFunction function : aggregateList) {
            register(aggregates, aggregatesIgnoringCase, function.name(), function.caseInsensitive(), function);
            for (String alias : function.aliases()) {
                register(aggregates, aggregatesIgnoringCase, alias, function.caseInsensitive(), function);
            }
        }
    }

    private static <T> void register(
            Map<String, T> exact, Map<String, T> ignoringCase, String name, boolean caseInsensitive, T function) {
        if (exact.putIfAbsent(name, function) != null) {
            throw new IllegalStateException("function registered twice: " + name);
        }
        if (caseInsensitive) {
            ignoringCase.put(name.toLowerCase(Locale.ROOT), function);
        }
    }

    public static FunctionRegistry builtin() {
        return BUILTIN;
    }

    public Collection<ScalarFunction> scalarFunctions() {
        return new java.util.LinkedHashSet<>(scalars.values());
    }

    public Collection<AggregateFunction> aggregateFunctions() {
        return aggregates.values();
    }

    /** The functions the planner evaluates itself (window functions, arrayJoin), documented only. */
    public List<PlannedFunction> plannedFunctions() {
        return planned;
    }

    /** An aggregate by name, with combinator suffixes (-If, -State, -Merge, -Array, -ForEach, -Map, ...) resolved; null when there is none. */
    public AggregateFunction aggregate(String name) {
        AggregateFunction function = aggregates.get(name);
        if (function == null) {
            function = aggregatesIgnoringCase.get(name.toLowerCase(Locale.ROOT));
        }
        if (function != null) {
            return function;
        }
        for (String suffix : COMBINATORS) {
            if (name.length() > suffix.length() && name.endsWith(suffix)) {
                AggregateFunction nested = aggregate(name.substring(0, name.length() - suffix.length()));
                if (nested != null) {
                    return switch (suffix) {
                        case "If" -> new IfCombinator(nested);
                        case "State" -> new StateCombinator(nested);
                        case "SimpleState" -> new SimpleStateCombinator(nested);
                        case "Merge" -> new MergeCombinator(nested);
                        case "Array" -> new ArrayCombinator(nested);
                        case "ForEach" -> new ForEachCombinator(nested);
                        case "Distinct" -> new DistinctCombinator(nested);
                        case "OrNull" -> new OrNullCombinator(nested, true);
                        case "Resample" -> new io.columba.executor.function.aggregate.ResampleCombinator(nested);
                        case "ArgMax" -> new io.columba.executor.function.aggregate.ArgMinMaxCombinator(nested, true);
                        case "ArgMin" -> new io.columba.executor.function.aggregate.ArgMinMaxCombinator(nested, false);
                        case "Map" -> new io.columba.executor.function.aggregate.MapCombinator(nested);
                        default -> new OrNullCombinator(nested, false);
                    };
                }
            }
        }
        return null;
    }

    private static final List<String> COMBINATORS = List.of(
            "If",
            "State",
            "SimpleState",
            "Merge",
            "Array",
            "ForEach",
            "Distinct",
            "OrNull",
            "OrDefault",
            "Resample",
            "ArgMax",
            "ArgMin",
            "Map");

    public boolean isAggregate(String name) {
        return aggregate(name) != null;
    }

    public ScalarFunction scalar(String name) {
        ScalarFunction function = scalars.get(name);
        if (function == null) {
            function = scalarsIgnoringCase.get(name.toLowerCase(Locale.ROOT));
        }
        if (function == null) {
            throw unknownFunction(name);
        }
        return function;
    }

    /** Binds a call, handling NULL arguments for functions that don't, and folding constant calls. */
    public BoundExpression bind(String name, List<BoundExpression> arguments) {
        ScalarFunction function = scalar(name);
        List<DataType> types = new ArrayList<>(arguments.size());
        boolean anyNullable = false;
        for (BoundExpression argument : arguments) {
            DataType type = argument.type();
            if (!function.handlesNulls() && type.withoutNullable() instanceof NothingType) {
                return new Constant(NullableType.of(NothingType.NOTHING), null);
            }
            anyNullable |= type.isNullable();
            // Without Nullable is also without LowCardinality: that changes how values are stored, not what they are.
            types.add(function.handlesNulls() ? type : type.withoutNullable());
        }
        ScalarFunction.Binding binding = function.bind(types, arguments);
        DataType returnType = binding.returnType();
        Kernel kernel = binding.kernel();
        if (anyNullable && !function.handlesNulls()) {
            returnType = NullableType.of(returnType);
            kernel = new NullableKernel(kernel);
        }
        FunctionInvocation invocation = new FunctionInvocation(function.name(), arguments, returnType, kernel);
        if (ExpressionEvaluator.isConstant(invocation)) {
            return ExpressionEvaluator.fold(invocation);
        }
        return invocation;
    }

    private ColumbaException unknownFunction(String name) {
        String hint = closest(name);
        return new ColumbaException(
                ErrorCode.UNKNOWN_FUNCTION,
                "Unknown function " + name + (hint == null ? "" : ". Maybe you meant: ['" + hint + "']"));
    }

    private String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<String> names = new ArrayList<>(scalars.keySet());
        names.addAll(aggregates.keySet());
        for (String candidate : names) {
            int distance = editDistance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
