package io.columba.sql.ast;

/** {@code DESCRIBE TABLE t [FORMAT f]}. */
public record DescribeStatement(String database, String table, String format) implements Statement {}
