package io.columba.sql.ast;

import java.util.List;

/**
 * The window of {@code f(args) OVER (PARTITION BY ... ORDER BY ... frame)}; {@code frame} is null when not written
 * (ClickHouse's default: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW with ORDER BY, else the whole partition).
 * {@code parent} names the window of a WINDOW clause it extends ({@code OVER (w ORDER BY x)}), null when none;
 * {@code OVER w} alone is a window of that name and nothing else, {@code reference} true.
 */
public record WindowSpec(
        List<Expression> partitionBy,
        List<OrderByElement> orderBy,
        WindowFrame frame,
        String parent,
        boolean reference) {

    public WindowSpec {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    public WindowSpec(List<Expression> partitionBy, List<OrderByElement> orderBy, WindowFrame frame) {
        this(partitionBy, orderBy, frame, null, false);
    }

    /** The same window over other PARTITION BY and ORDER BY expressions. */
    public WindowSpec withExpressions(List<Expression> newPartitionBy, List<OrderByElement> newOrderBy) {
        return new WindowSpec(newPartitionBy, newOrderBy, frame, parent, reference);
    }
}
