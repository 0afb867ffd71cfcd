package io.columba.sql.ast;

import java.util.List;
import java.util.Map;

/**
 * One SELECT. Optional clauses are null (or empty lists) when absent. {@code with} holds
 * {@code WITH expr AS name} items as {@link Alias} nodes. {@code from} is the first table of FROM and
 * {@code joins} what follows it (JOINs, commas, ARRAY JOINs) in order.
 */
public record SelectQuery(
        List<Alias> with,
        boolean distinct,
        List<Expression> columns,
        TableExpression from,
        List<JoinClause> joins,
        Expression prewhere,
        Expression where,
        List<Expression> groupBy,
        Expression having,
        List<OrderByElement> orderBy,
        Expression limit,
        Expression offset,
        Map<String, Expression> settings) {

    public SelectQuery {
        with = List.copyOf(with);
        columns = List.copyOf(columns);
        joins = List.copyOf(joins);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        settings = Map.copyOf(settings);
    }

    /** A SELECT without joins. */
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
                with, distinct, columns, from, List.of(), prewhere, where, groupBy, having, orderBy, limit, offset,
                settings);
    }
}
