package io.columba.sql.ast;

import java.util.List;
import java.util.Map;

/**
 * {@code ENGINE = Name(arguments) [PARTITION BY e] [ORDER BY e] [PRIMARY KEY e] [SAMPLE BY e] [TTL rules]
 * [SETTINGS ...]}; absent clauses are null (TTL: empty); {@code name} is null when only the clauses are written
 * (the server's default engine). {@code parenthesized} says whether the name was followed
 * by parentheses ({@code MergeTree()} rather than {@code MergeTree}). {@code orderByDescending} holds, for each
 * element of the sorting key, whether it is written DESC; it is empty when no direction is written.
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
        boolean parenthesized,
        List<Boolean> orderByDescending) {

    public EngineClause {
        arguments = List.copyOf(arguments);
        ttl = List.copyOf(ttl);
        settings = Map.copyOf(settings);
        orderByDescending = List.copyOf(orderByDescending);
    }

    /** Whether the sorting key is written with directions ({@code ORDER BY (a, b DESC)}): a reverse key. */
    public boolean orderByWithDirections() {
        return !orderByDescending.isEmpty();
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
        this(
                name,
                arguments,
                partitionBy,
                orderBy,
                primaryKey,
                sampleBy,
                ttl,
                settings,
                !arguments.isEmpty(),
                List.of());
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
