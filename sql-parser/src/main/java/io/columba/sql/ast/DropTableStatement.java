package io.columba.sql.ast;

/** {@code DROP TABLE [IF EXISTS] [db.]t}. */
public record DropTableStatement(boolean ifExists, String database, String table) implements Statement {}
