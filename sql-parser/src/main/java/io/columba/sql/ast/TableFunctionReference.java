package io.columba.sql.ast;

/** A table function such as {@code numbers(10)}. */
public record TableFunctionReference(FunctionCall function, String alias) implements TableExpression {}
