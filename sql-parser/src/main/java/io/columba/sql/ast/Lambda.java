package io.columba.sql.ast;

import java.util.List;

/** {@code x -> body} or {@code (x, y) -> body}: the function argument of arrayMap, arrayFilter and the like. */
public record Lambda(List<String> parameters, Expression body) implements Expression {
    public Lambda {
        parameters = List.copyOf(parameters);
    }
}
