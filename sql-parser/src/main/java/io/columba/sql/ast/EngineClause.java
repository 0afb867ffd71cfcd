package io.columba.sql.ast;

import java.util.List;
import java.util.Map;

/**
 * {@code ENGINE = Name(arguments) [PARTITION BY e] [ORDER BY e] [PRIMARY KEY e] [SAMPLE BY e] [TTL rules]
 * [SETTINGS ...]}; absent clauses are null (TTL: empty); {@code name} is null when only the clauses are written
 * (the server's default engine). {@code parenthesized} says whether the name was followed
 * by parentheses ({@code MergeTree()} rather than {@code MergeTree}).
 */
public record EngineClause(
        String name,
        List<Expression> arguments,
        Expression partitionBy,
        Expression orderBy,
        Expression primaryKey,
        Expression sampleBy,
        List<TtlRule> ttl,
        Map<String, Expression> settings,
        boolean parenthesized) {

    public EngineClause {
        arguments = List.copyOf(arguments);
        ttl = List.copyOf(ttl);
        settings = Map.copyOf(settings);
    }

    public EngineClause(
            String name,
            List<Expression> arguments,
            Expression partitionBy,
            Expression orderBy,
            Expression primaryKey,
            Expression sampleBy,
            List<TtlRule> ttl,
            Map<String, Expression> settings) {
        this(name, arguments, partitionBy, orderBy, primaryKey, sampleBy, ttl, settings, !arguments.isEmpty());
    }

    public EngineClause(
            String name,
            List<Expression> arguments,
            Expression partitionBy,
            Expression orderBy,
            Expression primaryKey,
            Map<String, Expression> settings) {
        this(name, arguments, partitionBy, orderBy, primaryKey, null, List.of(), settings);
    }
}
