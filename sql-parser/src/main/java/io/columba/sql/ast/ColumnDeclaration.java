package io.columba.sql.ast;

import java.util.List;

/**
 * A column of CREATE TABLE: name, type text as written (null when only a default gives it), and the optional parts
 * (null or empty when absent): DEFAULT expression, COMMENT, CODEC(...) codecs as written, TTL expression.
 * {@code defaultKind} says which default it is: {@code DEFAULT} (also when absent), {@code MATERIALIZED},
 * {@code ALIAS} or {@code EPHEMERAL}. {@code statistics} are the types of {@code STATISTICS(tdigest, ...)}.
 */
public record ColumnDeclaration(
        String name,
        String type,
        Expression defaultExpression,
        String comment,
        List<String> codecs,
        Expression ttl,
        String defaultKind,
        List<Expression> statistics) {

    public ColumnDeclaration {
        codecs = List.copyOf(codecs);
        statistics = List.copyOf(statistics);
    }

    public ColumnDeclaration(
            String name,
            String type,
            Expression defaultExpression,
            String comment,
            List<String> codecs,
            Expression ttl,
            String defaultKind) {
        this(name, type, defaultExpression, comment, codecs, ttl, defaultKind, List.of());
    }

    public ColumnDeclaration(
            String name,
            String type,
            Expression defaultExpression,
            String comment,
            List<String> codecs,
            Expression ttl) {
        this(name, type, defaultExpression, comment, codecs, ttl, "DEFAULT");
    }

    public ColumnDeclaration(String name, String type, Expression defaultExpression) {
        this(name, type, defaultExpression, null, List.of(), null);
    }
}
