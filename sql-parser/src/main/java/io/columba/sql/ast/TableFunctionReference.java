package io.columba.sql.ast;

/** A table function such as {@code numbers(10)}, with {@code FINAL} ({@code fin}) and an alias (null when absent). */
public record TableFunctionReference(FunctionCall function, String alias, boolean fin) implements TableExpression {

    public TableFunctionReference(FunctionCall function, String alias) {
        this(function, alias, false);
    }
}
