package io.columba.executor.expression;

import io.columba.storage.type.DataType;

/** An expression resolved against an input schema: every name bound, every type known. */
public sealed interface BoundExpression permits ColumnReference, Constant, FunctionInvocation {
    DataType type();
}
