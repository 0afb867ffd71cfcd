package io.columba.executor.analyzer;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.expression.Constant;
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
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The window functions of a query ({@code f(args) OVER (...)}), evaluated after aggregation and HAVING and before
 * the final ORDER BY: their arguments and keys are bound over the rows below, a {@link WindowOperator} appends one
 * column per distinct call (matched by its alias-expanded text), and {@link #outputBinder} binds over the result.
 */
final class WindowPlan {
    private static final Set<String> RANKINGS = Set.of(
            "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "denserank", "percentrank");
    private static final Set<String> NAVIGATIONS = Set.of("lagInFrame", "leadInFrame", "lag", "lead", "nth_value");

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
        List<SortKey> partitionKeys = new ArrayList<>();
        for (Expression expression : window.partitionBy()) {
            BoundExpression bound = below.bind(expression);
            partitionKeys.add(new SortKey(add(projection, bound), bound.type(), false, false));
        }
        List<SortKey> orderKeys = new ArrayList<>();
        for (OrderByElement order : window.orderBy()) {
            BoundExpression bound = below.bind(order.expression());
            boolean nullsFirst = order.nullsFirst() != null && order.nullsFirst();
            orderKeys.add(new SortKey(
                    add(projection, bound),
                    bound.type(),
                    order.descending(),
                    nullsFirst,
                    Collations.collator(order.collation(), bound.type())));
        }
        WindowCall.Frame frame = frame(call, orderKeys.size());
        String name = call.name();
        String lower = switch (name.toLowerCase(Locale.ROOT)) {
            case "denserank" -> "dense_rank";
            case "percentrank" -> "percent_rank";
            default -> name.toLowerCase(Locale.ROOT);
        };
        if (RANKINGS.contains(lower) && !functions.isAggregate(name)) {
            long buckets = 0;
            if (lower.equals("ntile")) {
                arguments(call, 1, 1);
                buckets = positiveConstant(call, call.arguments().get(0), "ntile's number of buckets");
            } else {
                arguments(call, 0, 0);
            }
            DataType type =
                    lower.equals("percent_rank") || lower.equals("cume_dist") ? FloatType.FLOAT64 : IntegerType.UINT64;
            return new WindowCall(
                    WindowCall.Kind.RANKING, null, lower, new int[0], buckets, partitionKeys, orderKeys, frame, type);
        }
        if (NAVIGATIONS.contains(name)) {
            return navigation(call, projection, partitionKeys, orderKeys, frame);
        }
        AggregateFunction function = call.distinct() && name.equalsIgnoreCase("count")
                ? functions.aggregate("uniqExact")
                : functions.aggregate(call.distinct() ? name + "Distinct" : name);
        if (function == null) {
            throw new ColumbaException(
                    ErrorCode.UNKNOWN_AGGREGATE_FUNCTION,
                    "Unknown window function " + name + " in " + ExpressionFormatter.format(call));
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
                WindowCall.Kind.AGGREGATE,
                aggregate,
                null,
                arguments,
                0,
                partitionKeys,
                orderKeys,
                frame,
                aggregate.resultType());
    }

    /**
     * lagInFrame/leadInFrame(x[, offset[, default]]), lag/lead (the same over the whole partition) and nth_value(x,
     * n): x's type; the default, when not given, is that type's default value.
     */
    private WindowCall navigation(
            FunctionCall call,
            List<BoundExpression> projection,
            List<SortKey> partitionKeys,
            List<SortKey> orderKeys,
            WindowCall.Frame frame) {
        String name = call.name();
        boolean nth = name.equals("nth_value");
        arguments(call, nth ? 2 : 1, nth ? 2 : 3);
        BoundExpression value = below.bind(call.arguments().get(0));
        DataType type = value.type();
        long parameter = call.arguments().size() > 1
                ? nth
                        ? positiveConstant(call, call.arguments().get(1), "nth_value's n")
                        : offset(call, call.arguments().get(1))
                : 1;
        BoundExpression fallback;
        if (call.arguments().size() > 2) {
            fallback = below.bind(call.arguments().get(2));
            if (!fallback.type().equals(type)) {
                fallback = SelectPlanner.castTo(fallback, type);
            }
        } else {
            fallback = type.isNullable()
                    ? new Constant(type, null)
                    : Constant.fromColumn(type, ColumnBuilder.defaults(type, null, 1), 0);
        }
        String function = switch (name) {
            case "lag" -> "lagInFrame";
            case "lead" -> "leadInFrame";
            default -> name;
        };
        if (name.equals("lag") || name.equals("lead")) {
            frame = WindowCall.Frame.PARTITION;
        }
        int[] columns = {add(projection, value), add(projection, fallback)};
        return new WindowCall(
                WindowCall.Kind.NAVIGATION, null, function, columns, parameter, partitionKeys, orderKeys, frame, type);
    }

    private static void arguments(FunctionCall call, int least, int most) {
        int count = call.arguments().size();
        if (count < least || count > most) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Function " + call.name() + " takes " + (least == most ? least : least + " to " + most)
                            + " arguments, found " + ExpressionFormatter.format(call));
        }
    }

    private long positiveConstant(FunctionCall call, Expression argument, String what) {
        long value = offset(call, argument);
        if (value <= 0) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    what + " must be a positive integer, found " + ExpressionFormatter.format(call));
        }
        return value;
    }

    /** A constant non-negative integer argument (an offset, a count of buckets). */
    private long offset(FunctionCall call, Expression argument) {
        BoundExpression bound = below.bind(argument);
        if (!(bound instanceof Constant constant)
                || !(constant.type().withoutNullable() instanceof IntegerType)
                || constant.isNull()
                || constant.longValue() < 0) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "The argument " + ExpressionFormatter.format(argument) + " of " + call.name()
                            + " must be a constant non-negative integer");
        }
        return constant.longValue();
    }

    /**
     * The frame written, or the default: RANGE from the partition's start to the current row's peers with ORDER BY,
     * the whole partition without.
     */
    private WindowCall.Frame frame(FunctionCall call, int orderKeys) {
        WindowFrame frame = call.window().frame();
        if (frame == null) {
            return orderKeys == 0 ? WindowCall.Frame.PARTITION : WindowCall.Frame.TO_CURRENT_PEERS;
        }
        WindowCall.Frame result = new WindowCall.Frame(
                frame.rows(),
                boundKind(frame.start()),
                boundOffset(call, frame.start()),
                boundKind(frame.end()),
                boundOffset(call, frame.end()));
        boolean offsets = frame.start().offset() != null || frame.end().offset() != null;
        if (!frame.rows() && offsets && orderKeys != 1) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "A RANGE frame with an offset needs exactly one ORDER BY column, found " + orderKeys + " in "
                            + ExpressionFormatter.format(call));
        }
        if (result.start() == WindowCall.BoundKind.UNBOUNDED_FOLLOWING
                || result.end() == WindowCall.BoundKind.UNBOUNDED_PRECEDING) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "A frame cannot start at UNBOUNDED FOLLOWING or end at UNBOUNDED PRECEDING: "
                            + ExpressionFormatter.format(call));
        }
        return result;
    }

    private static WindowCall.BoundKind boundKind(WindowFrame.Bound bound) {
        return WindowCall.BoundKind.valueOf(bound.kind().name());
    }

    private double boundOffset(FunctionCall call, WindowFrame.Bound bound) {
        if (bound.offset() == null) {
            return 0;
        }
        BoundExpression offset = below.bind(bound.offset());
        double value = Double.NaN;
        if (offset instanceof Constant constant && !constant.isNull()) {
            DataType type = constant.type().withoutNullable();
            value = type instanceof IntegerType
                    ? constant.longValue()
                    : type instanceof FloatType ? constant.doubleValue() : Double.NaN;
        }
        if (!(value >= 0)) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "A frame offset must be a constant non-negative number, found "
                            + ExpressionFormatter.format(bound.offset()) + " in " + ExpressionFormatter.format(call));
        }
        return value;
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
