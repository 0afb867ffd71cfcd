package io.columba.sql.ast;

/** {@code [database.]table [FINAL] [AS alias]}; {@code database} and {@code alias} may be null. */
public record TableReference(String database, String table, boolean fin, String alias) implements TableExpression {}
