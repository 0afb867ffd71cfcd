package io.columba.sql.ast;

/** A query with an optional {@code FORMAT} (null when absent). */
public record SelectStatement(SelectUnion query, String format) implements Statement {}
