package io.columba.executor.expression;

import io.columba.storage.type.DataType;

/** Column {@code index} of the input block. */
public record ColumnReference(int index, DataType type) implements BoundExpression {}
