package io.columba.executor.analyzer;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.expression.Constant;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.aggregate.AggregateBinder;
import io.columba.executor.function.aggregate.AggregateFunction;
import io.columba.executor.function.aggregate.BoundAggregate;
import io.columba.executor.operator.AggregateOperator.AggregateCall;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.Literal;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The GROUP BY keys and aggregate calls of a query, matched by their alias-expanded text, and the binder for
 * expressions over the aggregation's output (keys, then aggregates).
 */
final class AggregationPlan {
    private final FunctionRegistry functions;
    private final AliasExpander expander;
    private final ExpressionBinder input;
    private final List<String> inputNames;
    private final String scope;
    private final Map<String, Integer> keyPositions = new LinkedHashMap<>();
    private final List<BoundExpression> keys = new ArrayList<>();
    private final Map<String, Integer> aggregatePositions = new LinkedHashMap<>();
    private final List<AggregateCall> calls = new ArrayList<>();
    /** The keys standing for {@code grouping(...)} calls, with the positions of the keys they name. */
    private final Map<Integer, int[]> groupingCalls = new LinkedHashMap<>();

    AggregationPlan(
            FunctionRegistry functions,
            AliasExpander expander,
            ExpressionBinder input,
            List<String> inputNames,
            String scope) {
        this.functions = functions;
        this.expander = expander;
        this.input = input;
        this.inputNames = inputNames;
        this.scope = scope;
    }

    void addKey(Expression key) {
        Expression expanded = expander.expand(key);
        String name = ExpressionFormatter.format(expanded);
        if (!keyPositions.containsKey(name)) {
            keyPositions.put(name, keys.size());
            keys.add(input.bind(expanded));
        }
    }

    /**
     * Adds a key per {@code grouping(k1, ..., kn)} call in an alias-expanded expression: a constant in each grouping
     * set, the bits of its keys (k1 the highest) set when the set leaves the key out, as ClickHouse computes it with
     * {@code force_grouping_standard_compatibility = 1}; 0 without grouping sets.
     */
    void collectGroupingCalls(Expression expression) {
        if (!(expression instanceof FunctionCall call)) {
            return;
        }
        if (!call.name().equalsIgnoreCase("grouping") || call.window() != null) {
            for (Expression argument : call.arguments()) {
                collectGroupingCalls(argument);
            }
            return;
        }
        String name = ExpressionFormatter.format(call);
        if (keyPositions.containsKey(name)) {
            return;
        }
        if (call.arguments().isEmpty() || call.arguments().size() > 64) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Function grouping takes 1 to 64 GROUP BY keys, found " + name);
        }
        int[] arguments = new int[call.arguments().size()];
        for (int i = 0; i < arguments.length; i++) {
            Integer key = keyPositions.get(
                    ExpressionFormatter.format(expander.expand(call.arguments().get(i))));
            if (key == null || groupingCalls.containsKey(key)) {
                throw new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS,
                        "Arguments of function grouping must be GROUP BY keys, found "
                                + ExpressionFormatter.format(call.arguments().get(i)) + " in " + name);
            }
            arguments[i] = key;
        }
        keyPositions.put(name, keys.size());
        groupingCalls.put(keys.size(), arguments);
        keys.add(new Constant(IntegerType.UINT64, 0L));
    }

    void collectAggregates(Expression expression) {
        if (!(expression instanceof FunctionCall call)) {
            return;
        }
        if (call.window() != null) {
            // A window function runs after aggregation, over aggregates and keys.
            for (Expression part : WindowPlan.windowParts(call)) {
                collectAggregates(part);
            }
            return;
        }
        AggregateFunction function = aggregateFunction(call);
        if (function == null) {
            for (Expression argument : call.arguments()) {
                collectAggregates(argument);
            }
            return;
        }
        String name = ExpressionFormatter.format(call);
        if (aggregatePositions.containsKey(name)) {
            return;
        }
        List<BoundExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            if (containsAggregate(argument)) {
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_AGGREGATION,
                        "Aggregate function " + ExpressionFormatter.format(argument)
                                + " is found inside another aggregate function in query");
            }
            arguments.add(input.bind(argument));
        }
        List<DataType> types = arguments.stream().map(BoundExpression::type).toList();
        BoundAggregate bound = AggregateBinder.bind(function.withParameters(parameters(call)), types);
        aggregatePositions.put(name, calls.size());
        calls.add(new AggregateCall(bound, arguments));
    }

    private AggregateFunction aggregateFunction(FunctionCall call) {
        if (call.distinct() && call.name().equalsIgnoreCase("count")) {
            return functions.aggregate("uniqExact");
        }
        return functions.aggregate(call.distinct() ? call.name() + "Distinct" : call.name());
    }

    /** The parameters of {@code f(parameters)(arguments)} as written; each must be a literal. */
    static List<String> parameters(FunctionCall call) {
        if (call.parameters() == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (Expression parameter : call.parameters()) {
            if (!(parameter instanceof Literal)) {
                throw new ColumbaException(
                        ErrorCode.PARAMETERS_TO_AGGREGATE_FUNCTIONS_MUST_BE_LITERALS,
                        "Parameters to aggregate functions must be literals, found "
                                + ExpressionFormatter.format(parameter) + " in " + ExpressionFormatter.format(call));
            }
            texts.add(ExpressionFormatter.format(parameter));
        }
        return texts;
    }

    private boolean containsAggregate(Expression expression) {
        if (expression instanceof FunctionCall call) {
            if (aggregateFunction(call) != null) {
                return true;
            }
            for (Expression argument : call.arguments()) {
                if (containsAggregate(argument)) {
                    return true;
                }
            }
        }
        return false;
    }

    List<BoundExpression> keys() {
        return keys;
    }

    /**
     * The keys of one grouping set: those of {@code set} as they are, every other key replaced by its type's default
     * value (NULL for a Nullable key), a constant (so grouping by it groups nothing).
     */
    List<BoundExpression> keysFor(List<Expression> set) {
        Set<Integer> inSet = new java.util.HashSet<>();
        for (Expression key : set) {
            inSet.add(keyPositions.get(ExpressionFormatter.format(expander.expand(key))));
        }
        List<BoundExpression> result = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            DataType type = keys.get(k).type();
            int[] grouping = groupingCalls.get(k);
            if (grouping != null) {
                long mask = 0;
                for (int argument : grouping) {
                    mask = (mask << 1) | (inSet.contains(argument) ? 0 : 1);
                }
                result.add(new Constant(IntegerType.UINT64, mask));
            } else if (inSet.contains(k)) {
                result.add(keys.get(k));
            } else if (type.isNullable()) {
                result.add(new Constant(type, null));
            } else {
                result.add(Constant.fromColumn(type, ColumnBuilder.defaults(type, null, 1), 0));
            }
        }
        return result;
    }

    List<AggregateCall> calls() {
        return calls;
    }

    /** Binds over [keys..., aggregates...]; a column outside both is NOT_AN_AGGREGATE. */
    ExpressionBinder outputBinder() {
        List<String> names = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        for (Map.Entry<String, Integer> key : keyPositions.entrySet()) {
            names.add("\u0000key:" + key.getKey());
            types.add(keys.get(key.getValue()).type());
        }
        for (Map.Entry<String, Integer> aggregate : aggregatePositions.entrySet()) {
            names.add("\u0000aggregate:" + aggregate.getKey());
            types.add(calls.get(aggregate.getValue()).aggregate().resultType());
        }
        int keyCount = keys.size();
        return withSubqueriesOf(
                input,
                new ExpressionBinder(
                        functions,
                        names,
                        types,
                        expression -> {
                            String name = ExpressionFormatter.format(expression);
                            Integer key = keyPositions.get(name);
                            if (key != null) {
                                return new ColumnReference(key, keys.get(key).type());
                            }
                            Integer aggregate = aggregatePositions.get(name);
                            if (aggregate != null && expression instanceof FunctionCall) {
                                return new ColumnReference(
                                        keyCount + aggregate,
                                        calls.get(aggregate).aggregate().resultType());
                            }
                            if (expression instanceof Identifier identifier) {
                                if (inputNames.contains(identifier.name())
                                        || inputNames.contains(identifier.fullName())) {
                                    throw new ColumbaException(
                                            ErrorCode.NOT_AN_AGGREGATE,
                                            "Column `" + identifier.fullName()
                                                    + "` is not under aggregate function and not in GROUP BY"
                                                    + " keys. In query " + scope);
                                }
                            }
                            return null;
                        },
                        scope));
    }

    private static ExpressionBinder withSubqueriesOf(ExpressionBinder input, ExpressionBinder binder) {
        return input.subqueries() == null ? binder : binder.withSubqueries(input.subqueries());
    }
}
