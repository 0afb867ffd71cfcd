package io.columba.sql.ast;

/** {@code CONSTRAINT name CHECK expression} ({@code ASSUME} when the rows are assumed, not checked, to hold). */
public record ConstraintDeclaration(String name, Expression expression, boolean assume) {}
