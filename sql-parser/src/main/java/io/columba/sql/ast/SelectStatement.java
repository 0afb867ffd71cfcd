package io.columba.sql.ast;

import java.util.Map;

/**
 * A query with an optional {@code FORMAT} (null when absent) and the {@code SETTINGS} written after it (empty when
 * absent).
 */
public record SelectStatement(SelectUnion query, String format, Map<String, Expression> settings) implements Statement {

    public SelectStatement {
        settings = Map.copyOf(settings);
    }

    public SelectStatement(SelectUnion query, String format) {
        this(query, format, Map.of());
    }
}
