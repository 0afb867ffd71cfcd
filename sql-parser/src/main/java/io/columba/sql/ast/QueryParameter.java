package io.columba.sql.ast;

/** A query parameter placeholder {@code {name:Type}}. */
public record QueryParameter(String name, String type) implements Expression {}
