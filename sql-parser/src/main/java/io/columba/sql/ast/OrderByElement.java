package io.columba.sql.ast;

/** One ORDER BY key; {@code nullsFirst} is null when not written (ClickHouse: NULLS LAST for ASC and DESC). */
public record OrderByElement(Expression expression, boolean descending, Boolean nullsFirst) {}
