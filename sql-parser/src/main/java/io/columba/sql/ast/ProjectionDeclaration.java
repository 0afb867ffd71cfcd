package io.columba.sql.ast;

import java.util.List;

/**
 * {@code PROJECTION name (SELECT columns [GROUP BY keys] [ORDER BY keys])}: a table's precomputed copy of its rows,
 * another order or an aggregation; {@code groupBy} and {@code orderBy} are empty when absent.
 */
public record ProjectionDeclaration(
        String name, List<Expression> columns, List<Expression> groupBy, List<Expression> orderBy) {

    public ProjectionDeclaration {
        columns = List.copyOf(columns);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
    }
}
