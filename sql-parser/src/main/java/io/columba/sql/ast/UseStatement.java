package io.columba.sql.ast;

/** {@code USE database}: the default database of the statements that follow in the session. */
public record UseStatement(String database) implements Statement {}
