package io.columba.sql.ast;

/** {@code TRUNCATE TABLE [IF EXISTS] t}: removes every row, keeps the table. */
public record TruncateStatement(boolean ifExists, String database, String table) implements Statement {}
