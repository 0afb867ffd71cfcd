package io.columba.sql.ast;

import java.util.List;
import java.util.Map;

/**
 * One SELECT. Optional clauses are null (or empty lists) when absent. {@code with} holds
 * {@code WITH expr AS name} items as {@link Alias} nodes.
 */
public record SelectQuery(
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

    public SelectQuery {
        with = List.copyOf(with);
        columns = List.copyOf(columns);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        settings = Map.copyOf(settings);
    }
}
