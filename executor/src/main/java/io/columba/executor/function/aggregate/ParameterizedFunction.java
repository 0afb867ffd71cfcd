package io.columba.executor.function.aggregate;

import java.util.List;

/**
 * An aggregate made with parameters ({@code f(p...)(x...)}) that keeps them for its state type, and whose result
 * is not made Nullable by Nullable arguments (windowFunnel, groupArrayInsertAt).
 */
abstract class ParameterizedFunction implements AggregateFunction {
    protected final List<String> parameters;

    ParameterizedFunction(List<String> parameters) {
        this.parameters = parameters;
    }

    @Override
    public final List<String> parameters() {
        return parameters;
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }
}
