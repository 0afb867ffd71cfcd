package io.columba.sql.ast;

/** {@code FROM (SELECT ...) [AS alias]}. */
public record SubqueryTable(SelectUnion query, String alias) implements TableExpression {}
