package io.columba.ingest.json;

import io.columba.storage.type.DataType;

/**
 * One column of a table rows are ingested into: its name, type, the JSONPath its value is taken from, and its
 * DEFAULT expression (null when it has none) for rows that lack the value.
 */
public record IngestColumn(String name, DataType type, JsonPath path, String defaultExpression) {}
