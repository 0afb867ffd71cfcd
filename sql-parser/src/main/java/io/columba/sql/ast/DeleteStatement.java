package io.columba.sql.ast;

/** {@code DELETE FROM t WHERE condition}: the lightweight delete. */
public record DeleteStatement(String database, String table, Expression where) implements Statement {}
