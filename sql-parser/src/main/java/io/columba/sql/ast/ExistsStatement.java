package io.columba.sql.ast;

/** {@code EXISTS TABLE t [FORMAT f]}. */
public record ExistsStatement(String database, String table, String format) implements Statement {}
