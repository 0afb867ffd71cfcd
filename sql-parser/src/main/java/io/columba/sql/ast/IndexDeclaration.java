package io.columba.sql.ast;

/**
 * A data skipping index of CREATE TABLE: {@code INDEX name expression TYPE type GRANULARITY n}; {@code type} is
 * the text as written ({@code bloom_filter(0.01)}), {@code granularity} 1 when absent.
 */
public record IndexDeclaration(String name, Expression expression, String type, int granularity) {}
