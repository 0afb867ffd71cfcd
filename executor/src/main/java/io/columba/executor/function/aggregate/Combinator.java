package io.columba.executor.function.aggregate;

import java.util.List;

/**
 * An aggregate made from another one by a name suffix (-If, -State, -Merge, -Array, ...): named after the nested
 * function plus the suffix, and taking the nested function's parameters ({@code quantileIf(0.9)(x, c)}).
 */
public abstract class Combinator implements AggregateFunction {
    protected final AggregateFunction nested;
    private final String suffix;

    protected Combinator(AggregateFunction nested, String suffix) {
        this.nested = nested;
        this.suffix = suffix;
    }

    /** The same combinator over another nested function. */
    protected abstract AggregateFunction over(AggregateFunction nested);

    @Override
    public final AggregateFunction withParameters(List<String> parameters) {
        return over(nested.withParameters(parameters));
    }

    @Override
    public final List<String> parameters() {
        return nested.parameters();
    }

    @Override
    public final String name() {
        return nested.name() + suffix;
    }
}
