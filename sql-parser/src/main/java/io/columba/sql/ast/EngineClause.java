package io.columba.sql.ast;

import java.util.List;
import java.util.Map;

/**
 * {@code ENGINE = Name(arguments) [PARTITION BY e] [ORDER BY e] [PRIMARY KEY e] [SETTINGS ...]}; absent clauses
 * are null.
 */
public record EngineClause(
        String name,
        List<Expression> arguments,
        Expression partitionBy,
        Expression orderBy,
        Expression primaryKey,
        Map<String, Expression> settings) {

    public EngineClause {
        arguments = List.copyOf(arguments);
        settings = Map.copyOf(settings);
    }
}
