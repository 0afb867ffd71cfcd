package io.columba.sql.ast;

/**
 * A data skipping index of CREATE TABLE: {@code INDEX name expression TYPE type GRANULARITY n}; {@code type} is
 * the text as written ({@code bloom_filter(0.01)}), {@code granularity} 1 when absent (and 2^31 - 1 when written
 * from 2^31 to 2^64: one entry per part either way).
 */
public record IndexDeclaration(String name, Expression expression, String type, int granularity) {}
