package io.columba.sql.ast;

/** {@code SHOW TABLES [FORMAT f]}. */
public record ShowTablesStatement(String format) implements Statement {}
