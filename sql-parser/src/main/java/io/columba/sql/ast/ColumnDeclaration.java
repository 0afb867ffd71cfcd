package io.columba.sql.ast;

import java.util.List;

/**
 * A column of CREATE TABLE: name, type text as written, and the optional parts (null or empty when absent):
 * DEFAULT expression, COMMENT, CODEC(...) codecs as written, TTL expression.
 */
public record ColumnDeclaration(
        String name, String type, Expression defaultExpression, String comment, List<String> codecs, Expression ttl) {

    public ColumnDeclaration {
        codecs = List.copyOf(codecs);
    }

    public ColumnDeclaration(String name, String type, Expression defaultExpression) {
        this(name, type, defaultExpression, null, List.of(), null);
    }
}
