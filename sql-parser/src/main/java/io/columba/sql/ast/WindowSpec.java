package io.columba.sql.ast;

import java.util.List;

/**
 * The window of {@code f(args) OVER (PARTITION BY ... ORDER BY ... frame)}; {@code frame} is null when not written
 * (ClickHouse's default: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW with ORDER BY, else the whole partition).
 */
public record WindowSpec(List<Expression> partitionBy, List<OrderByElement> orderBy, WindowFrame frame) {

    public WindowSpec {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    /** The same window over other PARTITION BY and ORDER BY expressions. */
    public WindowSpec withExpressions(List<Expression> newPartitionBy, List<OrderByElement> newOrderBy) {
        return new WindowSpec(newPartitionBy, newOrderBy, frame);
    }
}
