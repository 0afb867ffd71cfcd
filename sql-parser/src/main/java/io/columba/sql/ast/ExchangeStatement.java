package io.columba.sql.ast;

/** {@code EXCHANGE TABLES a AND b}: the two names swap their tables atomically. */
public record ExchangeStatement(String first, String second) implements Statement {}
