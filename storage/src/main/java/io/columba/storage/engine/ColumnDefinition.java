package io.columba.storage.engine;

import io.columba.storage.type.DataType;

/** A named, typed column of a table. */
public record ColumnDefinition(String name, DataType type) {}
