package io.columba.sql.ast;

/** {@code *} or {@code t.*}; {@code qualifier} is null for a bare star. */
public record Asterisk(String qualifier) implements Expression {}
