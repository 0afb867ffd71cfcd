package io.columba.sql.ast;

import java.util.List;

/**
 * {@code PROJECTION name (SELECT columns [GROUP BY keys] [ORDER BY keys])}: a table's precomputed copy of its rows,
 * another order or an aggregation; {@code groupBy} and {@code orderBy} are empty when absent. A projection index,
 * {@code PROJECTION name INDEX expression TYPE type}, has no columns and its {@code index} and {@code indexType}
 * (both null for other projections).
 */
public record ProjectionDeclaration(
        String name,
        List<Expression> columns,
        List<Expression> groupBy,
        List<Expression> orderBy,
        Expression index,
        String indexType) {

    public ProjectionDeclaration {
        columns = List.copyOf(columns);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
    }

    public ProjectionDeclaration(
            String name, List<Expression> columns, List<Expression> groupBy, List<Expression> orderBy) {
        this(name, columns, groupBy, orderBy, null, null);
    }
}
