package io.columba.executor.analyzer;

import io.columba.executor.QuerySettings;
import io.columba.executor.catalog.Catalog;
import io.columba.executor.catalog.TableEntry;
import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.expression.Constant;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.scalar.TypeConversion;
import io.columba.executor.operator.AggregateOperator;
import io.columba.executor.operator.BlocksOperator;
import io.columba.executor.operator.DistinctOperator;
import io.columba.executor.operator.FillOperator;
import io.columba.executor.operator.FilterOperator;
import io.columba.executor.operator.GatherOperator;
import io.columba.executor.operator.GranuleRange;
import io.columba.executor.operator.LimitByOperator;
import io.columba.executor.operator.LimitOperator;
import io.columba.executor.operator.NumbersOperator;
import io.columba.executor.operator.Operator;
import io.columba.executor.operator.ProjectOperator;
import io.columba.executor.operator.QueryContext;
import io.columba.executor.operator.ScanOperator;
import io.columba.executor.operator.SortKey;
import io.columba.executor.operator.SortOperator;
import io.columba.executor.operator.UnionOperator;
import io.columba.executor.operator.Workers;
import io.columba.executor.system.SystemTable;
import io.columba.executor.system.SystemTables;
import io.columba.sql.ast.Alias;
import io.columba.sql.ast.Asterisk;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.OrderByElement;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectUnion;
import io.columba.sql.ast.SubqueryExpression;
import io.columba.sql.ast.SubqueryTable;
import io.columba.sql.ast.TableExpression;
import io.columba.sql.ast.TableFunctionReference;
import io.columba.sql.ast.TableReference;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.LongColumn;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a SELECT into operators: scan (pruned by the primary key) → WHERE → aggregation → HAVING → projection →
 * DISTINCT → ORDER BY → LIMIT, with ClickHouse's name resolution (aliases anywhere, alias before column).
 */
public final class SelectPlanner {
    /** Table chunks per thread of a streaming scan: small enough for a LIMIT to stop early, big enough to pay. */
    private static final int CHUNKS_PER_THREAD = 32;

    private final Catalog catalog;
    private final FunctionRegistry functions;
    private final QueryContext context;
    private final QuerySettings settings;
    private final int maxThreads;
    private final boolean joinUseNulls;
    /** The common table expressions in scope, the innermost query's first. */
    private final Deque<Map<String, SubqueryExpression>> commonTables = new ArrayDeque<>();
    /** The common table expressions being planned now, which their own definitions do not see. */
    private final Set<String> expanding = new HashSet<>();

    public SelectPlanner(Catalog catalog, FunctionRegistry functions, QuerySettings settings, QueryContext context) {
        this.catalog = catalog;
        this.functions = functions;
        this.context = context;
        this.settings = settings;
        this.maxThreads = (int) Math.max(1, settings.getLong("max_threads", Workers.cores()));
        this.joinUseNulls = settings.getLong("join_use_nulls", 0) != 0;
    }

    public Plan plan(SelectUnion union) {
        return new SetOperationPlanner(this::plan, settings).plan(union);
    }

    /** The SELECT whose SETTINGS clause a query's settings come from: the last one written. */
    public static SelectQuery lastSelect(SelectUnion union) {
        return SetOperationPlanner.lastSelect(union);
    }

    static BoundExpression castTo(BoundExpression expression, DataType to) {
        DataType from = expression.type();
        return new io.columba.executor.expression.FunctionInvocation(
                "CAST", List.of(expression), to, (args, rows) -> TypeConversion.cast(args[0], from, to, rows));
    }

    private Plan plan(SelectQuery written) {
        // The query's common table expressions (WITH t AS (SELECT ...)) are tables for it and its subqueries.
        Map<String, SubqueryExpression> tables = new LinkedHashMap<>();
        for (Alias alias : written.with()) {
            if (alias.expression() instanceof SubqueryExpression subquery
                    && written.commonTableExpressions().contains(alias.name())) {
                tables.put(alias.name(), subquery);
            }
        }
        commonTables.push(tables);
        try {
            return planSelect(written);
        } finally {
            commonTables.pop();
        }
    }

    /**
     * The common table expression a table name stands for, from the innermost query out, or null. Inside its own
     * definition a name is a table again (the expressions are not recursive).
     */
    private SubqueryTable commonTable(TableReference reference) {
        if (reference.database() != null || expanding.contains(reference.table())) {
            return null;
        }
        for (Map<String, SubqueryExpression> tables : commonTables) {
            SubqueryExpression subquery = tables.get(reference.table());
            if (subquery != null) {
                String alias = reference.alias() != null ? reference.alias() : reference.table();
                return new SubqueryTable(subquery.query(), alias, subquery.columnAliases(), false, null);
            }
        }
        return null;
    }

    private Plan planSelect(SelectQuery written) {
        SelectQuery select = Sampling.apply(NamedWindows.resolve(written), catalog, functions);
        rejectUnsupported(select);
        Map<String, Expression> aliases = new LinkedHashMap<>();
        for (Alias alias : select.with()) {
            aliases.put(alias.name(), alias.expression());
        }
        for (Expression column : select.columns()) {
            if (!(column instanceof Asterisk)) {
                collectAliases(column, aliases);
            }
            if (Untuple.isUntuple(column) && column instanceof Alias alias) {
                // untuple(t) AS x: x is the tuple, whose elements are the columns x.1, x.2, ...
                aliases.put(
                        alias.name(),
                        ((FunctionCall) alias.expression()).arguments().get(0));
            }
        }
        AliasExpander expander = new AliasExpander(aliases, new HashSet<>()).withSettings(settings);
        Expression useNulls = select.settings().get("join_use_nulls");
        boolean nulls = useNulls == null ? joinUseNulls : constantCount(useNulls, "join_use_nulls") != 0;
        FromClause from =
                new FromClause(new JoinPlanner(functions, nulls, this::plan, context), this::source, expander);
        Source source = from.arrayJoinFunctions(select, from.source(select));
        List<String> sourceNames = source.names();
        List<Expression> items = new ArrayList<>();
        for (Expression column : select.columns()) {
            if (column instanceof Asterisk star) {
                items.addAll(StarExpansion.expand(star, source, FromClause.fromQualifier(select)));
            } else if (StarExpansion.isColumnsMatcher(column)) {
                items.addAll(StarExpansion.columnsMatcher((FunctionCall) column, source));
            } else if (Untuple.isUntuple(column)) {
                items.addAll(Untuple.expand(column, sourceNames, source.types(), expander, functions));
            } else {
                items.add(column);
            }
        }
        if (settings.getLong("enable_positional_arguments", 1) != 0) {
            select = PositionalArguments.resolve(select, items);
        }
        String scope = "SELECT";

        List<Integer> used = new ArrayList<>();
        // The columns read after the WHERE, and those only the WHERE reads (which a scan need not return).
        List<Expression> afterFilter = new ArrayList<>(items);
        List<Expression> groupKeys = GroupingSets.keys(select);
        afterFilter.addAll(groupKeys);
        if (select.having() != null) {
            afterFilter.add(select.having());
        }
        if (select.qualify() != null) {
            afterFilter.add(select.qualify());
        }
        for (OrderByElement order : select.orderBy()) {
            afterFilter.add(order.expression());
        }
        if (select.limitBy() != null) {
            afterFilter.addAll(select.limitBy().by());
        }
        Set<String> afterWhere = new HashSet<>();
        for (Expression expression : afterFilter) {
            collectIdentifiers(expander.expand(expression), afterWhere);
        }
        Set<String> referenced = new HashSet<>();
        for (Expression condition : new Expression[] {select.where(), select.prewhere()}) {
            if (condition != null) {
                collectIdentifiers(expander.expand(condition), referenced);
            }
        }
        referenced.addAll(afterWhere);
        List<Boolean> whereOnly = new ArrayList<>();
        for (int i = 0; i < sourceNames.size(); i++) {
            if (referenced.contains(sourceNames.get(i))) {
                used.add(i);
                whereOnly.add(!afterWhere.contains(sourceNames.get(i)));
            }
        }
        boolean[] filterOnly = new boolean[used.size()];
        for (int i = 0; i < filterOnly.length; i++) {
            filterOnly[i] = whereOnly.get(i);
        }
        List<String> inputNames = used.stream().map(sourceNames::get).toList();
        List<DataType> inputTypes = used.stream().map(source.types()::get).toList();
        ExpressionBinder input =
                new ExpressionBinder(functions, inputNames, inputTypes, null, scope).withSubqueries(this::plan);

        BoundExpression where = null;
        for (Expression condition : new Expression[] {select.prewhere(), select.where()}) {
            if (condition == null) {
                continue;
            }
            BoundExpression bound = filterCondition(input.bind(expander.expand(condition)));
            where = where == null ? bound : functions.bind("and", List.of(where, bound));
        }
        boolean aggregating = !groupKeys.isEmpty() || containsAggregate(items, select, expander);
        AggregateOperator totalsSource = null;
        List<Operator> pipelines = new ArrayList<>();
        // A sort drains its input before it answers, so its pieces can run on their own threads too.
        List<Expression> windowed = new ArrayList<>();
        for (Expression item : items) {
            windowed.add(expander.expand(item));
        }
        for (OrderByElement order : select.orderBy()) {
            windowed.add(expander.expand(order.expression()));
        }
        if (select.qualify() != null) {
            windowed.add(expander.expand(select.qualify()));
        }
        List<FunctionCall> windows = WindowPlan.collect(windowed);
        for (FunctionCall window : windows) {
            rejectUnsupported(window.window().orderBy());
        }
        if (select.withTotals() && !windows.isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NOT_IMPLEMENTED, "WITH TOTALS together with window functions is not supported");
        }
        boolean streaming = !aggregating && windows.isEmpty() && !select.distinct() && select.qualify() == null;
        boolean parallelSort = streaming && !select.orderBy().isEmpty();
        // Rows that are neither aggregated nor sorted stream from table chunks read on all threads, in table order.
        boolean gather = streaming && select.orderBy().isEmpty() && maxThreads > 1;
        List<Operator> pieces;
        if (aggregating || parallelSort) {
            pieces = source.openParallel(used, where, maxThreads, filterOnly);
        } else if (gather) {
            pieces = source.openParallel(used, where, maxThreads * CHUNKS_PER_THREAD, filterOnly);
        } else {
            pieces = List.of(source.open(used, where));
        }
        pipelines.addAll(filtered(pieces, where, source));
        Operator operator = pipelines.get(0);
        ExpressionBinder output = input;
        if (aggregating) {
            AggregationPlan aggregation = new AggregationPlan(functions, expander, input, inputNames, scope);
            for (Expression key : groupKeys) {
                aggregation.addKey(key);
            }
            for (Expression expression : afterAggregation(items, select)) {
                aggregation.collectGroupingCalls(expander.expand(expression));
            }
            for (Expression item : items) {
                aggregation.collectAggregates(expander.expand(item));
            }
            if (select.having() != null) {
                aggregation.collectAggregates(expander.expand(select.having()));
            }
            if (select.qualify() != null) {
                aggregation.collectAggregates(expander.expand(select.qualify()));
            }
            for (OrderByElement order : select.orderBy()) {
                aggregation.collectAggregates(expander.expand(order.expression()));
            }
            if (select.limitBy() != null) {
                for (Expression key : select.limitBy().by()) {
                    aggregation.collectAggregates(expander.expand(key));
                }
            }
            List<List<Expression>> sets = GroupingSets.sets(select);
            if (sets == null) {
                totalsSource = new AggregateOperator(pipelines, aggregation.keys(), aggregation.calls(), context);
                operator = totalsSource;
            } else {
                // One aggregation per grouping set over its own scan; the keys outside the set are their type's
                // default value (ClickHouse's group_by_use_nulls = 0), then the results follow one another.
                List<Operator> perSet = new ArrayList<>();
                for (List<Expression> set : sets) {
                    List<Operator> setInput = perSet.isEmpty()
                            ? pipelines
                            : filtered(source.openParallel(used, where, maxThreads, filterOnly), where, source);
                    perSet.add(new AggregateOperator(setInput, aggregation.keysFor(set), aggregation.calls(), context));
                }
                // The totals come from the first set's groups: with ROLLUP and CUBE, every key.
                totalsSource = (AggregateOperator) perSet.get(0);
                operator = new UnionOperator(perSet);
            }
            output = aggregation.outputBinder();
            BoundExpression having = null;
            if (select.having() != null) {
                having = filterCondition(output.bind(expander.expand(select.having())));
                operator = new FilterOperator(operator, having);
            }
            if (select.withTotals()) {
                totalsSource.withTotals(having);
            }
        } else if (select.having() != null) {
            throw new ColumbaException(ErrorCode.NOT_AN_AGGREGATE, "HAVING clause without aggregation");
        }
        if (!windows.isEmpty()) {
            WindowPlan window = new WindowPlan(functions, output);
            operator = window.apply(operator, windows);
            output = window.outputBinder();
        }
        if (select.qualify() != null) {
            // QUALIFY filters after the window functions, as WHERE does before them.
            operator = new FilterOperator(operator, filterCondition(output.bind(expander.expand(select.qualify()))));
        }

        List<BoundExpression> projection = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> qualifiers = FromClause.qualifiers(select);
        for (Expression item : items) {
            projection.add(output.bind(expander.expand(item)));
            names.add(outputName(item, select, qualifiers, source));
        }
        int selected = projection.size();
        List<SortKey> sortKeys = new ArrayList<>();
        for (OrderByElement order : select.orderBy()) {
            BoundExpression key = output.bind(expander.expand(order.expression()));
            int position = projection.indexOf(key);
            if (position < 0 && select.orderBy().stream().anyMatch(element -> element.fill() != null)) {
                // Bound calls differ by their kernels: WITH FILL must fill (and group by) the selected columns.
                position = sameText(items, order.expression(), expander);
            }
            if (position < 0 || key instanceof Constant) {
                position = projection.size();
                projection.add(key);
            }
            boolean nullsFirst = order.nullsFirst() != null && order.nullsFirst();
            sortKeys.add(new SortKey(
                    position,
                    key.type(),
                    order.descending(),
                    nullsFirst,
                    Collations.collator(order.collation(), key.type())));
        }
        int[] limitByColumns = new int[0];
        if (select.limitBy() != null) {
            List<Expression> by = select.limitBy().by();
            limitByColumns = new int[by.size()];
            for (int k = 0; k < by.size(); k++) {
                BoundExpression key = output.bind(expander.expand(by.get(k)));
                int position = projection.indexOf(key);
                if (position < 0) {
                    position = projection.size();
                    projection.add(key);
                }
                limitByColumns[k] = position;
            }
        }
        List<DataType> projectedTypes =
                projection.stream().map(BoundExpression::type).toList();
        List<Operator> projected = new ArrayList<>();
        if (parallelSort || (gather && pipelines.size() > 1)) {
            for (Operator pipeline : pipelines) {
                projected.add(new ProjectOperator(pipeline, projection));
            }
        }
        operator = gather && pipelines.size() > 1
                ? new GatherOperator(projected, maxThreads)
                : new ProjectOperator(operator, projection);
        if (select.distinct()) {
            // On the selected columns only: ORDER BY and LIMIT BY keys that are not selected ride along.
            operator = new DistinctOperator(operator, projectedTypes.subList(0, selected));
        }
        // LIMIT and OFFSET may name WITH aliases, scalar subqueries included (ClickHouse folds them to constants).
        long count = select.limit() == null ? Long.MAX_VALUE : constantCount(expander.expand(select.limit()), "LIMIT");
        long offset = select.offset() == null ? 0 : constantCount(expander.expand(select.offset()), "OFFSET");
        List<FillOperator.FillKey> fillKeys =
                FillPlanner.fillKeys(select.orderBy(), sortKeys, expression -> folded(expression, "WITH FILL"));
        if (!sortKeys.isEmpty()) {
            // With ties the rows past the limit that equal the last one are needed too; WITH FILL goes before LIMIT.
            long rowsNeeded = count > Long.MAX_VALUE - offset
                            || select.limitWithTies()
                            || !fillKeys.isEmpty()
                            || select.limitBy() != null
                    ? Long.MAX_VALUE
                    : count + offset;
            operator = parallelSort
                    ? new SortOperator(projected, sortKeys, projectedTypes, rowsNeeded, context)
                    : new SortOperator(List.of(operator), sortKeys, projectedTypes, rowsNeeded, context);
        }
        if (!fillKeys.isEmpty()) {
            operator = new FillOperator(
                    operator, fillKeys, FillPlanner.prefixColumns(select.orderBy(), sortKeys), projectedTypes);
        }
        if (select.limitBy() != null) {
            SelectQuery.LimitBy limitBy = select.limitBy();
            long byLength = constantCount(expander.expand(limitBy.length()), "LIMIT BY");
            long byOffset =
                    limitBy.offset() == null ? 0 : constantCount(expander.expand(limitBy.offset()), "LIMIT BY OFFSET");
            List<DataType> keyTypes = new ArrayList<>();
            for (int column : limitByColumns) {
                keyTypes.add(projectedTypes.get(column));
            }
            operator = new LimitByOperator(operator, limitByColumns, keyTypes, byLength, byOffset);
        }
        LimitOperator limit = null;
        if (select.limit() != null) {
            limit = new LimitOperator(operator, count, offset, select.limitWithTies() ? sortKeys : null);
            operator = limit;
        } else if (select.offset() != null) {
            limit = new LimitOperator(operator, Long.MAX_VALUE, offset);
            operator = limit;
        }
        List<DataType> types = projectedTypes.subList(0, selected);
        if (projection.size() > selected) {
            List<BoundExpression> visible = new ArrayList<>();
            for (int c = 0; c < selected; c++) {
                visible.add(new ColumnReference(c, projectedTypes.get(c)));
            }
            operator = new ProjectOperator(operator, visible);
        }
        return new Plan(operator, names, List.copyOf(types), limit, totals(select, totalsSource, projection, types));
    }

    /**
     * The row WITH TOTALS adds: the select list over the aggregation's totals (ORDER BY and LIMIT leave it alone),
     * or, for a query that does not aggregate, every column's default value, as ClickHouse 18.16 prints.
     */
    private static Supplier<Block> totals(
            SelectQuery select, AggregateOperator source, List<BoundExpression> projection, List<DataType> types) {
        if (!select.withTotals()) {
            return null;
        }
        List<BoundExpression> shown = List.copyOf(projection.subList(0, types.size()));
        return () -> {
            List<Column> columns = new ArrayList<>();
            Block row = source == null ? null : source.totals();
            for (int c = 0; c < shown.size(); c++) {
                columns.add(
                        row == null
                                ? ColumnBuilder.defaults(types.get(c), 1)
                                : ExpressionEvaluator.evaluate(shown.get(c), row));
            }
            return new Block(1, columns);
        };
    }

    private static List<Operator> filtered(List<Operator> pieces, BoundExpression where, Source source) {
        List<Operator> result = new ArrayList<>();
        for (Operator piece : pieces) {
            result.add(where == null || source.appliesWhere() ? piece : new FilterOperator(piece, where));
        }
        return result;
    }

    /** The SELECT item written as {@code expression} (aliases expanded), or -1. */
    private static int sameText(List<Expression> items, Expression expression, AliasExpander expander) {
        String text = ExpressionFormatter.format(withoutAlias(expander.expand(expression)));
        for (int i = 0; i < items.size(); i++) {
            if (ExpressionFormatter.format(withoutAlias(expander.expand(items.get(i))))
                    .equals(text)) {
                return i;
            }
        }
        return -1;
    }

    private static Expression withoutAlias(Expression expression) {
        return expression instanceof Alias alias ? withoutAlias(alias.expression()) : expression;
    }

    /** Clauses the parser reads and this planner does not run: refused rather than ignored. */
    private static void rejectUnsupported(SelectQuery select) {
        if (select.recursiveWith()) {
            throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "WITH RECURSIVE is not supported yet");
        }
        rejectUnsupported(select.orderBy());
        if (select.interpolate() != null) {
            throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "INTERPOLATE is not supported");
        }
        if (select.limitWithTies() && select.orderBy().isEmpty()) {
            throw new ColumbaException(ErrorCode.WITH_TIES_WITHOUT_ORDER_BY, "Can not use WITH TIES without ORDER BY");
        }
    }

    private static void rejectUnsupported(List<OrderByElement> orderBy) {
        for (OrderByElement order : orderBy) {
            if (order.fill() != null && order.fill().staleness() != null) {
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED,
                        "ORDER BY " + ExpressionFormatter.format(order.expression())
                                + " WITH FILL STALENESS is not supported");
            }
        }
    }

    /** WHERE and HAVING take UInt8-like values (any integer, Bool, or NULL), as ClickHouse's filters do. */
    static BoundExpression filterCondition(BoundExpression condition) {
        DataType type = condition.type().withoutNullable();
        if (type instanceof IntegerType
                || type instanceof io.columba.storage.type.BoolType
                || type instanceof io.columba.storage.type.NothingType) {
            return condition;
        }
        throw new ColumbaException(
                ErrorCode.ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER,
                "Illegal type " + condition.type().name() + " of column for filter. Must be UInt8 or Nullable(UInt8).");
    }

    /** The expression bound with no columns in scope and folded when constant (scalar subqueries included). */
    private BoundExpression folded(Expression expression, String clause) {
        BoundExpression bound = new ExpressionBinder(functions, List.of(), List.of(), null, clause)
                .withSubqueries(this::plan)
                .bind(expression);
        if (!(bound instanceof Constant) && ExpressionEvaluator.isConstant(bound)) {
            bound = ExpressionEvaluator.fold(bound);
        }
        return bound;
    }

    private long constantCount(Expression expression, String clause) {
        BoundExpression bound = folded(expression, clause);
        if (!(bound instanceof Constant constant) || !(constant.type() instanceof IntegerType) || constant.isNull()) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "The value " + ExpressionFormatter.format(expression) + " of " + clause
                            + " expression is not representable as UInt64");
        }
        long value = constant.longValue();
        if (value < 0) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT, clause + " value must not be negative, got " + value);
        }
        return value;
    }

    /**
     * The name of a SELECT item's column. A column named with its table's qualifier ({@code c.pathname} with
     * {@code FROM t AS c}) is called by its own name ({@code pathname}) when that name reaches the same column, as
     * ClickHouse calls it, so that a query over this one can name it that way.
     */
    private static String outputName(Expression item, SelectQuery select, Set<String> qualifiers, Source source) {
        if (item instanceof Identifier identifier
                && identifier.parts().size() > 1
                && qualifiers.contains(identifier.parts().get(0))) {
            String full = identifier.fullName();
            String own = String.join(
                    ".", identifier.parts().subList(1, identifier.parts().size()));
            // In a join, the left side's columns are shown by their own names, a right-hand column only when that
            // name reaches it: one whose name a left column or a USING key also has keeps its qualifier (p.number).
            if (!source.names().contains(full)
                    || identifier.parts().get(0).equals(FromClause.fromQualifier(select))
                    || source.sameColumn(full, own)) {
                return own;
            }
        }
        return ExpressionFormatter.columnName(item);
    }

    /** The expressions evaluated over the aggregation's output: the select list, HAVING and ORDER BY. */
    private static List<Expression> afterAggregation(List<Expression> items, SelectQuery select) {
        List<Expression> expressions = new ArrayList<>(items);
        if (select.having() != null) {
            expressions.add(select.having());
        }
        for (OrderByElement order : select.orderBy()) {
            expressions.add(order.expression());
        }
        return expressions;
    }

    private boolean containsAggregate(List<Expression> items, SelectQuery select, AliasExpander expander) {
        for (Expression candidate : afterAggregation(items, select)) {
            if (hasAggregate(expander.expand(candidate))) {
                return true;
            }
        }
        return false;
    }

    private boolean hasAggregate(Expression expression) {
        if (expression instanceof FunctionCall call) {
            if (call.window() != null) {
                for (Expression part : WindowPlan.windowParts(call)) {
                    if (hasAggregate(part)) {
                        return true;
                    }
                }
                return false;
            }
            if (functions.isAggregate(call.name()) || call.distinct()) {
                return true;
            }
            for (Expression argument : call.arguments()) {
                if (hasAggregate(argument)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collectAliases(Expression expression, Map<String, Expression> aliases) {
        if (expression instanceof Alias alias) {
            Expression previous = aliases.put(alias.name(), alias.expression());
            if (previous != null
                    && !ExpressionFormatter.format(previous).equals(ExpressionFormatter.format(alias.expression()))) {
                throw new ColumbaException(
                        ErrorCode.MULTIPLE_EXPRESSIONS_FOR_ALIAS,
                        "Different expressions with the same alias " + alias.name() + ": "
                                + ExpressionFormatter.format(alias.expression()) + " AS " + alias.name() + " and "
                                + ExpressionFormatter.format(previous) + " AS " + alias.name());
            }
            collectAliases(alias.expression(), aliases);
        } else if (expression instanceof FunctionCall call) {
            for (Expression argument : call.arguments()) {
                collectAliases(argument, aliases);
            }
        }
    }

    private static void collectIdentifiers(Expression expression, Set<String> names) {
        switch (expression) {
            case Identifier identifier -> {
                names.add(identifier.name());
                names.add(identifier.fullName());
            }
            case FunctionCall call -> {
                for (Expression argument : call.window() == null ? call.arguments() : WindowPlan.windowParts(call)) {
                    collectIdentifiers(argument, names);
                }
            }
            case Alias alias -> collectIdentifiers(alias.expression(), names);
            default -> {}
        }
    }

    // Sources

    private Source source(TableExpression from) {
        return switch (from) {
            case null -> oneRow();
            case TableReference reference -> tableSource(reference);
            case TableFunctionReference function
            when function.fin() ->
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_FINAL,
                        "FINAL is not supported for table function "
                                + function.function().name());
            case TableFunctionReference function
            when function.sample() != null ->
                throw new ColumbaException(
                        ErrorCode.SAMPLING_NOT_SUPPORTED,
                        "SAMPLE is not supported for table function "
                                + function.function().name());
            case TableFunctionReference function
            when !function.settings().isEmpty() ->
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED,
                        "SETTINGS are not supported for table function "
                                + function.function().name());
            case TableFunctionReference function -> tableFunction(function.function());
            case SubqueryTable subquery
            when subquery.fin() ->
                throw new ColumbaException(ErrorCode.ILLEGAL_FINAL, "FINAL is not supported for a subquery");
            case SubqueryTable subquery
            when subquery.sample() != null ->
                throw new ColumbaException(ErrorCode.SAMPLING_NOT_SUPPORTED, "SAMPLE is not supported for a subquery");
            case SubqueryTable subquery -> subquerySource(subquery);
        };
    }

    private Source oneRow() {
        Block block = new Block(1, List.of(new LongColumn(new long[] {0}, null, 1)));
        return fixed(List.of("dummy"), List.of(IntegerType.UINT8), List.of(block));
    }

    private Source fixed(List<String> names, List<DataType> types, List<Block> blocks) {
        return new Source() {
            @Override
            public List<String> names() {
                return names;
            }

            @Override
            public List<DataType> types() {
                return types;
            }

            @Override
            public Operator open(List<Integer> columns, BoundExpression where) {
                Operator all = new BlocksOperator(blocks);
                return () -> {
                    Block block = all.next();
                    if (block == null) {
                        return null;
                    }
                    context.add(block.rowCount(), 0);
                    return new Block(
                            block.rowCount(),
                            columns.stream().map(block::column).toList());
                };
            }
        };
    }

    private Source tableSource(TableReference reference) {
        SubqueryTable common = commonTable(reference);
        if (common != null) {
            if (reference.fin() || reference.sample() != null) {
                throw new ColumbaException(
                        reference.fin() ? ErrorCode.ILLEGAL_FINAL : ErrorCode.SAMPLING_NOT_SUPPORTED,
                        (reference.fin() ? "FINAL" : "SAMPLE") + " is not supported for the common table expression "
                                + reference.table());
            }
            expanding.add(reference.table());
            try {
                return subquerySource(common);
            } finally {
                expanding.remove(reference.table());
            }
        }
        if (SystemTables.DATABASE.equals(reference.database())) {
            return systemSource(reference.table());
        }
        if (reference.database() != null && !reference.database().equals("default")) {
            throw new ColumbaException(
                    ErrorCode.UNKNOWN_DATABASE, "Database " + reference.database() + " does not exist");
        }
        if (reference.sample() != null) {
            // The FROM table's SAMPLE became a WHERE condition (Sampling); a joined table's is not supported.
            throw new ColumbaException(
                    ErrorCode.NOT_IMPLEMENTED,
                    "SAMPLE is supported on the FROM table only, not on " + reference.table());
        }
        TableEntry entry = catalog.get(reference.table());
        List<ColumnDefinition> columns = entry.table().schema().columns();
        List<String> names = columns.stream().map(ColumnDefinition::name).toList();
        List<DataType> types = columns.stream().map(ColumnDefinition::type).toList();
        if (reference.fin()) {
            if (!entry.table().mergingMode().collapses()) {
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_FINAL, "Storage " + entry.engineName() + " doesn't support FINAL");
            }
            List<Block> rows = entry.table().finalRows(entry.table().snapshot());
            return fixed(names, types, rows);
        }
        return new Source() {
            @Override
            public List<String> names() {
                return names;
            }

            @Override
            public List<DataType> types() {
                return types;
            }

            @Override
            public Operator open(List<Integer> selected, BoundExpression where) {
                return openParallel(selected, where, 1).get(0);
            }

            @Override
            public List<Operator> openParallel(List<Integer> selected, BoundExpression where, int pieces) {
                return openParallel(selected, where, pieces, null);
            }

            @Override
            public List<Operator> openParallel(
                    List<Integer> selected, BoundExpression where, int pieces, boolean[] filterOnly) {
                List<String> selectedNames = selected.stream().map(names::get).toList();
                List<DataType> selectedTypes = selected.stream().map(types::get).toList();
                List<String> keyNames = entry.prunableKeyColumns();
                int[] keyColumns = new int[keyNames.size()];
                List<DataType> keyTypes = new ArrayList<>();
                for (int k = 0; k < keyNames.size() && names.contains(keyNames.get(k)); k++) {
                    keyColumns[k] = selectedNames.indexOf(keyNames.get(k));
                    keyTypes.add(types.get(names.indexOf(keyNames.get(k))));
                }
                keyColumns = java.util.Arrays.copyOf(keyColumns, keyTypes.size());
                var ranges = SkipIndexPruning.prune(
                        KeyPruning.ranges(entry.table().snapshot(), where, keyColumns, keyTypes),
                        where,
                        selectedNames,
                        entry.table().schema().indexes());
                long rowsToRead = 0;
                for (GranuleRange range : ranges) {
                    rowsToRead += range.part().rowsIn(range.from(), range.to());
                }
                context.checkRowsToRead(rowsToRead);
                List<Operator> scans = new ArrayList<>();
                for (List<GranuleRange> share : split(ranges, pieces)) {
                    scans.add(new ScanOperator(share, selectedNames, selectedTypes, context, where, filterOnly));
                }
                return scans;
            }

            @Override
            public boolean appliesWhere() {
                return true;
            }
        };
    }

    private Source tableFunction(FunctionCall function) {
        TableFunctions tables = new TableFunctions(functions);
        switch (function.name()) {
            case "numbers", "numbers_mt" -> {
                long[] range = numbersRange(function);
                return numbers(range[0], range[1]);
            }
            case "zeros", "zeros_mt" -> {
                long[] range = numbersRange(function);
                if (function.arguments().size() != 1) {
                    throw new ColumbaException(
                            ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Table function zeros requires 1 argument");
                }
                return streamed(TableFunctions.zeros(), 0, range[1]);
            }
            case "generateRandom" -> {
                return streamed(tables.generateRandom(function), 0, Long.MAX_VALUE);
            }
            case "values" -> {
                TableFunctions.Table table = tables.values(function);
                return fixed(table.names(), table.types(), table.blocks());
            }
            default ->
                throw new ColumbaException(ErrorCode.UNKNOWN_FUNCTION, "Unknown table function " + function.name());
        }
    }

    /** The offset and count of {@code numbers(count)} or {@code numbers(offset, count)}. */
    private long[] numbersRange(FunctionCall function) {
        ExpressionBinder constants = new ExpressionBinder(functions, List.of(), List.of(), null, function.name());
        List<Long> arguments = new ArrayList<>();
        for (Expression argument : function.arguments()) {
            BoundExpression bound = constants.bind(argument);
            if (!(bound instanceof Constant constant) || !(constant.type() instanceof IntegerType)) {
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                        "Arguments of table function " + function.name() + " must be integer constants");
            }
            arguments.add(ExpressionEvaluator.fold(bound).longValue());
        }
        if (arguments.isEmpty() || arguments.size() > 2) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Table function '" + function.name() + "' requires 1 or 2 arguments");
        }
        long offset = arguments.size() == 2 ? arguments.get(0) : 0;
        return new long[] {offset, arguments.get(arguments.size() - 1)};
    }

    /** A table of the system database, computed now; {@code numbers} streams until a LIMIT stops it. */
    private Source systemSource(String table) {
        return switch (table) {
            case "one" -> oneRow();
            case "numbers", "numbers_mt" -> numbers(0, Long.MAX_VALUE);
            default -> {
                SystemTable rows = new SystemTables(catalog, functions, settings).read(table);
                yield fixed(rows.names(), rows.types(), rows.blocks());
            }
        };
    }

    private Source numbers(long offset, long count) {
        return streamed(
                new TableFunctions.Stream(List.of("number"), List.of(IntegerType.UINT64), block -> block),
                offset,
                count);
    }

    /** Rows made block by block from the blocks of {@code numbers(offset, count)}, until a LIMIT stops them. */
    private Source streamed(TableFunctions.Stream stream, long offset, long count) {
        return new Source() {
            @Override
            public List<String> names() {
                return stream.names();
            }

            @Override
            public List<DataType> types() {
                return stream.types();
            }

            @Override
            public Operator open(List<Integer> columns, BoundExpression where) {
                Operator numbers = new NumbersOperator(offset, count, context);
                return () -> {
                    Block numbered = numbers.next();
                    if (numbered == null) {
                        return null;
                    }
                    Block block = stream.rows().apply(numbered);
                    return new Block(
                            block.rowCount(),
                            columns.stream().map(block::column).toList());
                };
            }
        };
    }

    /** A subquery's rows; {@code AS t(a, b)} names its columns in order. */
    private Source subquerySource(SubqueryTable subquery) {
        Plan inner = plan(subquery.query());
        List<String> aliases = subquery.columnAliases();
        if (!aliases.isEmpty() && aliases.size() != inner.names().size()) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "Column aliases of subquery " + subquery.alias() + " name " + aliases.size()
                            + " columns, but it returns " + inner.names().size());
        }
        List<String> names = aliases.isEmpty() ? inner.names() : aliases;
        return new Source() {
            @Override
            public List<String> names() {
                return names;
            }

            @Override
            public List<DataType> types() {
                return inner.types();
            }

            @Override
            public Operator open(List<Integer> columns, BoundExpression where) {
                return new Operator() {
                    @Override
                    public Block next() {
                        Block block = inner.root().next();
                        return block == null
                                ? null
                                : new Block(
                                        block.rowCount(),
                                        columns.stream().map(block::column).toList());
                    }

                    @Override
                    public void close() {
                        inner.root().close();
                    }
                };
            }
        };
    }

    /** Cuts granule ranges into at most {@code pieces} shares of about equal granule counts. */
    static List<List<GranuleRange>> split(List<GranuleRange> ranges, int pieces) {
        long total = 0;
        for (GranuleRange range : ranges) {
            total += range.to() - range.from();
        }
        int shares = (int) Math.max(1, Math.min(pieces, total / 4));
        long perShare = (total + shares - 1) / shares;
        List<List<GranuleRange>> result = new ArrayList<>();
        List<GranuleRange> current = new ArrayList<>();
        long filled = 0;
        for (GranuleRange range : ranges) {
            int from = range.from();
            while (from < range.to()) {
                int take = (int) Math.min(range.to() - from, perShare - filled);
                current.add(new GranuleRange(range.part(), from, from + take));
                from += take;
                filled += take;
                if (filled == perShare) {
                    result.add(current);
                    current = new ArrayList<>();
                    filled = 0;
                }
            }
        }
        if (!current.isEmpty() || result.isEmpty()) {
            result.add(current);
        }
        return result;
    }
}
