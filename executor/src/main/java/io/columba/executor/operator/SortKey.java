package io.columba.executor.operator;

import io.columba.storage.type.DataType;

/** One ORDER BY key: a column of the input, its type and direction. NULLs (and NaN) go last unless asked. */
public record SortKey(int column, DataType type, boolean descending, boolean nullsFirst) {}
