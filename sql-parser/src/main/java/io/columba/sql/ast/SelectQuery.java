package io.columba.sql.ast;

import java.util.List;
import java.util.Map;

/**
 * One SELECT. Optional clauses are null (or empty lists) when absent. {@code with} holds
 * {@code WITH expr AS name} items as {@link Alias} nodes. {@code from} is the first table of FROM and
 * {@code joins} what follows it (JOINs, commas, ARRAY JOINs) in order. {@code groupingSets} holds the sets of
 * {@code GROUP BY GROUPING SETS (...)} (then {@code groupBy} is empty); {@code groupByModifier} is
 * {@code "ROLLUP"}, {@code "CUBE"} or null; {@code limitBy} is null without {@code LIMIT n BY ...}.
 * {@code commonTableExpressions} names the {@code with} items written {@code name AS (query)}, which are tables,
 * unlike {@code (query) AS name}, a scalar. {@code interpolate} holds {@code INTERPOLATE (column AS expression)}
 * items as {@link Alias} nodes named by their column (null without INTERPOLATE); {@code limitWithTies} is
 * {@code LIMIT n WITH TIES}. {@code windows} holds {@code WINDOW name AS (...)} definitions, {@code qualify} the
 * {@code QUALIFY} condition (null without), and {@code namedWindowReferences} whether a window function of this
 * SELECT names a window ({@code OVER w}, {@code OVER (w ORDER BY x)}); {@code recursiveWith} marks {@code WITH RECURSIVE}.
 */
public record SelectQuery(
        List<Alias> with,
        List<String> commonTableExpressions,
        boolean distinct,
        List<Expression> columns,
        TableExpression from,
        List<JoinClause> joins,
        Expression prewhere,
        Expression where,
        List<Expression> groupBy,
        List<List<Expression>> groupingSets,
        String groupByModifier,
        boolean withTotals,
        Expression having,
        List<OrderByElement> orderBy,
        LimitBy limitBy,
        Expression limit,
        Expression offset,
        Map<String, Expression> settings,
        List<Alias> interpolate,
        boolean limitWithTies,
        List<NamedWindow> windows,
        Expression qualify,
        boolean namedWindowReferences,
        boolean recursiveWith)
        implements QueryElement {

    public SelectQuery {
        windows = List.copyOf(windows);
        interpolate = interpolate == null ? null : List.copyOf(interpolate);
        with = List.copyOf(with);
        commonTableExpressions = List.copyOf(commonTableExpressions);
        columns = List.copyOf(columns);
        joins = List.copyOf(joins);
        groupBy = List.copyOf(groupBy);
        groupingSets = groupingSets.stream().map(List::copyOf).toList();
        orderBy = List.copyOf(orderBy);
        settings = Map.copyOf(settings);
    }

    /** A SELECT without WINDOW, QUALIFY, named windows or WITH RECURSIVE. */
    public SelectQuery(
            List<Alias> with,
            List<String> commonTableExpressions,
            boolean distinct,
            List<Expression> columns,
            TableExpression from,
            List<JoinClause> joins,
            Expression prewhere,
            Expression where,
            List<Expression> groupBy,
            List<List<Expression>> groupingSets,
            String groupByModifier,
            boolean withTotals,
            Expression having,
            List<OrderByElement> orderBy,
            LimitBy limitBy,
            Expression limit,
            Expression offset,
            Map<String, Expression> settings,
            List<Alias> interpolate,
            boolean limitWithTies) {
        this(
                with,
                commonTableExpressions,
                distinct,
                columns,
                from,
                joins,
                prewhere,
                where,
                groupBy,
                groupingSets,
                groupByModifier,
                withTotals,
                having,
                orderBy,
                limitBy,
                limit,
                offset,
                settings,
                interpolate,
                limitWithTies,
                List.of(),
                null,
                false,
                false);
    }

    /**
     * The clauses of this SELECT that change its result beyond the plain ones (FROM, WHERE, GROUP BY, HAVING, ORDER
     * BY, LIMIT, ...): {@code WINDOW}, {@code QUALIFY}, {@code OVER name}, {@code WITH RECURSIVE}; empty for a plain SELECT.
     */
    public List<String> clausesBeyondPlainSelect() {
        List<String> clauses = new java.util.ArrayList<>(3);
        if (!windows.isEmpty()) {
            clauses.add("WINDOW");
        }
        if (qualify != null) {
            clauses.add("QUALIFY");
        }
        if (namedWindowReferences) {
            clauses.add("OVER with a window name");
        }
        if (recursiveWith) {
            clauses.add("WITH RECURSIVE");
        }
        return clauses;
    }

    /** A SELECT without INTERPOLATE or WITH TIES. */
    public SelectQuery(
            List<Alias> with,
            List<String> commonTableExpressions,
            boolean distinct,
            List<Expression> columns,
            TableExpression from,
            List<JoinClause> joins,
            Expression prewhere,
            Expression where,
            List<Expression> groupBy,
            List<List<Expression>> groupingSets,
            String groupByModifier,
            boolean withTotals,
            Expression having,
            List<OrderByElement> orderBy,
            LimitBy limitBy,
            Expression limit,
            Expression offset,
            Map<String, Expression> settings) {
        this(
                with,
                commonTableExpressions,
                distinct,
                columns,
                from,
                joins,
                prewhere,
                where,
                groupBy,
                groupingSets,
                groupByModifier,
                withTotals,
                having,
                orderBy,
                limitBy,
                limit,
                offset,
                settings,
                null,
                false);
    }

    /** A SELECT without joins, grouping sets, modifiers, totals or LIMIT BY. */
    public SelectQuery(
            List<Alias> with,
            boolean distinct,
            List<Expression> columns,
            TableExpression from,
            Expression prewhere,
            Expression where,
            List<Expression> groupBy,
            Expression having,
            List<OrderByElement> orderBy,
            Expression limit,
            Expression offset,
            Map<String, Expression> settings) {
        this(
                with, List.of(), distinct, columns, from, List.of(), prewhere, where, groupBy, List.of(), null, false,
                having, orderBy, null, limit, offset, settings);
    }

    /** {@code SELECT columns FROM from}, nothing else. */
    public static SelectQuery of(List<Expression> columns, TableExpression from) {
        return new SelectQuery(
                List.of(), false, columns, from, null, null, List.of(), null, List.of(), null, null, Map.of());
    }

    /** The same SELECT under another WITH clause. */
    public SelectQuery withWith(List<Alias> newWith, List<String> newCommonTableExpressions) {
        return copy(newWith, newCommonTableExpressions, from, where);
    }

    /** The same SELECT reading another FROM source under another WHERE condition (null for none). */
    public SelectQuery withSource(TableExpression newFrom, Expression newWhere) {
        return copy(with, commonTableExpressions, newFrom, newWhere);
    }

    private SelectQuery copy(
            List<Alias> newWith, List<String> newCommonTableExpressions, TableExpression newFrom, Expression newWhere) {
        return new SelectQuery(
                newWith,
                newCommonTableExpressions,
                distinct,
                columns,
                newFrom,
                joins,
                prewhere,
                newWhere,
                groupBy,
                groupingSets,
                groupByModifier,
                withTotals,
                having,
                orderBy,
                limitBy,
                limit,
                offset,
                settings,
                interpolate,
                limitWithTies,
                windows,
                qualify,
                namedWindowReferences,
                recursiveWith);
    }

    /** {@code LIMIT [offset,] length BY expressions}; {@code offset} is null when absent. */
    public record LimitBy(Expression length, Expression offset, List<Expression> by) {
        public LimitBy {
            by = List.copyOf(by);
        }
    }
}
