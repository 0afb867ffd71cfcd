package io.columba.sql.ast;

/** A parenthesized SELECT used as a value ({@code (SELECT max(x) FROM t)}) or as the right side of IN. */
public record SubqueryExpression(SelectUnion query) implements Expression {}
