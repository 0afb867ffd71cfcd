package io.columba.sql.ast;

/** {@code expression AS name}. */
public record Alias(Expression expression, String name) implements Expression {}
