package io.columba.executor.analyzer;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.aggregate.AggregateBinder;
import io.columba.executor.function.aggregate.AggregateFunction;
import io.columba.executor.function.aggregate.BoundAggregate;
import io.columba.executor.operator.Operator;
import io.columba.executor.operator.ProjectOperator;
import io.columba.executor.operator.SortKey;
import io.columba.executor.operator.window.WindowCall;
import io.columba.executor.operator.window.WindowOperator;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.OrderByElement;
import io.columba.sql.ast.WindowFrame;
import io.columba.sql.ast.WindowSpec;
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
 * The window functions of a query ({@code f(args) OVER (...)}), evaluated after aggregation and HAVING and before
 * the final ORDER BY: their arguments and keys are bound over the rows below, a {@link WindowOperator} appends one
 * column per distinct call (matched by its alias-expanded text), and {@link #outputBinder} binds over the result.
 */
final class WindowPlan {
    private static final Set<String> RANKINGS = Set.of("row_number", "rank", "dense_rank");

    private final FunctionRegistry functions;
    private final ExpressionBinder below;
    private final Map<String, Integer> positions = new LinkedHashMap<>();
    private final List<DataType> types = new ArrayList<>();

    WindowPlan(FunctionRegistry functions, ExpressionBinder below) {
        this.functions = functions;
        this.below = below;
    }

    /** The distinct window calls of alias-expanded expressions, in order of appearance. */
    static List<FunctionCall> collect(List<Expression> expressions) {
        Map<String, FunctionCall> calls = new LinkedHashMap<>();
        for (Expression expression : expressions) {
            collect(expression, calls);
        }
        return List.copyOf(calls.values());
    }

    private static void collect(Expression expression, Map<String, FunctionCall> calls) {
        if (!(expression instanceof FunctionCall call)) {
            return;
        }
        if (call.window() == null) {
            for (Expression argument : call.arguments()) {
                collect(argument, calls);
            }
            return;
        }
        for (Expression inner : windowParts(call)) {
            if (contains(inner)) {
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_AGGREGATION,
                        "Window function " + ExpressionFormatter.format(call)
                                + " contains another window function, which is not allowed");
            }
        }
        calls.putIfAbsent(ExpressionFormatter.format(call), call);
    }

    /** The arguments, PARTITION BY and ORDER BY expressions of a window call. */
    static List<Expression> windowParts(FunctionCall call) {
        List<Expression> parts = new ArrayList<>(call.arguments());
        parts.addAll(call.window().partitionBy());
        for (OrderByElement order : call.window().orderBy()) {
            parts.add(order.expression());
        }
        return parts;
    }

    static boolean contains(Expression expression) {
        if (expression instanceof FunctionCall call) {
            if (call.window() != null) {
                return true;
            }
            for (Expression argument : call.arguments()) {
                if (contains(argument)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Projects what the calls read next to the rows below, then evaluates the calls. */
    Operator apply(Operator operator, List<FunctionCall> calls) {
        List<DataType> belowTypes = below.columnTypes();
        List<BoundExpression> projection = new ArrayList<>();
        for (int c = 0; c < belowTypes.size(); c++) {
            projection.add(new ColumnReference(c, belowTypes.get(c)));
        }
        List<WindowCall> windowCalls = new ArrayList<>();
        for (FunctionCall call : calls) {
            windowCalls.add(windowCall(call, projection));
        }
        List<DataType> projectedTypes =
                projection.stream().map(BoundExpression::type).toList();
        types.addAll(projectedTypes);
        for (int i = 0; i < calls.size(); i++) {
            positions.put(ExpressionFormatter.format(calls.get(i)), types.size());
            types.add(windowCalls.get(i).type());
        }
        return new WindowOperator(new ProjectOperator(operator, projection), projectedTypes, windowCalls);
    }

    private WindowCall windowCall(FunctionCall call, List<BoundExpression> projection) {
        WindowSpec window = call.window();
        boolean toCurrentRow = !window.orderBy().isEmpty();
        boolean rowsFrame = false;
        WindowFrame frame = window.frame();
        if (frame != null) {
            if (frame.start().kind() != WindowFrame.Kind.UNBOUNDED_PRECEDING
                    || (frame.end().kind() != WindowFrame.Kind.CURRENT_ROW
                            && frame.end().kind() != WindowFrame.Kind.UNBOUNDED_FOLLOWING)) {
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED,
                        "Only frames from UNBOUNDED PRECEDING to CURRENT ROW or UNBOUNDED FOLLOWING are supported"
                                + " yet, found " + ExpressionFormatter.format(call));
            }
            toCurrentRow = frame.end().kind() == WindowFrame.Kind.CURRENT_ROW;
            rowsFrame = frame.rows();
        }
        List<SortKey> partitionKeys = new ArrayList<>();
        for (Expression expression : window.partitionBy()) {
            BoundExpression bound = below.bind(expression);
            partitionKeys.add(new SortKey(add(projection, bound), bound.type(), false, false));
        }
        List<SortKey> orderKeys = new ArrayList<>();
        for (OrderByElement order : window.orderBy()) {
            BoundExpression bound = below.bind(order.expression());
            boolean nullsFirst = order.nullsFirst() != null && order.nullsFirst();
            orderKeys.add(new SortKey(add(projection, bound), bound.type(), order.descending(), nullsFirst));
        }
        String name = call.name().toLowerCase(java.util.Locale.ROOT);
        if (RANKINGS.contains(name) && !functions.isAggregate(call.name())) {
            if (!call.arguments().isEmpty()) {
                throw new ColumbaException(
                        ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                        "Function " + call.name() + " takes no arguments, found " + ExpressionFormatter.format(call));
            }
            return new WindowCall(null, name, new int[0], partitionKeys, orderKeys, true, false, IntegerType.UINT64);
        }
        AggregateFunction function = call.distinct() && call.name().equalsIgnoreCase("count")
                ? functions.aggregate("uniqExact")
                : functions.aggregate(call.distinct() ? call.name() + "Distinct" : call.name());
        if (function == null) {
            throw new ColumbaException(
                    ErrorCode.UNKNOWN_AGGREGATE_FUNCTION,
                    "Unknown window function " + call.name() + " in " + ExpressionFormatter.format(call));
        }
        int[] arguments = new int[call.arguments().size()];
        List<DataType> argumentTypes = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            BoundExpression bound = below.bind(call.arguments().get(i));
            arguments[i] = add(projection, bound);
            argumentTypes.add(bound.type());
        }
        BoundAggregate aggregate =
                AggregateBinder.bind(function.withParameters(AggregationPlan.parameters(call)), argumentTypes);
        return new WindowCall(
                aggregate, null, arguments, partitionKeys, orderKeys, toCurrentRow, rowsFrame, aggregate.resultType());
    }

    private static int add(List<BoundExpression> projection, BoundExpression expression) {
        int position = projection.indexOf(expression);
        if (position >= 0) {
            return position;
        }
        projection.add(expression);
        return projection.size() - 1;
    }

    /** Binds over the rows below plus the window columns: a window call by its text, the rest as below does. */
    ExpressionBinder outputBinder() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) {
            names.add("\u0000window:" + c);
        }
        ExpressionBinder binder = new ExpressionBinder(
                functions,
                names,
                types,
                expression -> {
                    if (expression instanceof FunctionCall call && call.window() != null) {
                        Integer position = positions.get(ExpressionFormatter.format(call));
                        return position == null ? null : new ColumnReference(position, types.get(position));
                    }
                    return contains(expression) ? null : below.bind(expression);
                },
                "window functions");
        return below.subqueries() == null ? binder : binder.withSubqueries(below.subqueries());
    }
}
