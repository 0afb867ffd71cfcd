package io.columba.sql.ast;

import java.util.List;

/**
 * A call {@code name(arguments)}, or with parameters {@code name(parameters)(arguments)}; {@code parameters} is
 * null for a plain call. Operators become calls of ClickHouse's function names.
 */
public record FunctionCall(String name, List<Expression> arguments, List<Expression> parameters, boolean distinct)
        implements Expression {

    public FunctionCall {
        arguments = List.copyOf(arguments);
        parameters = parameters == null ? null : List.copyOf(parameters);
    }

    public static FunctionCall of(String name, Expression... arguments) {
        return new FunctionCall(name, List.of(arguments), null, false);
    }
}
