package io.columba.workspace.datafile;

/**
 * One column of a {@code SCHEMA >} block: name, ClickHouse type as written, and the optional JSONPath (without the
 * {@code json:} prefix), DEFAULT expression and CODEC arguments (each null when absent).
 */
public record SchemaColumn(String name, String type, String jsonPath, String defaultExpression, String codec) {}
