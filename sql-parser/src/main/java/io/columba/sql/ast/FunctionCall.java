package io.columba.sql.ast;

import java.util.List;

/**
 * A call {@code name(arguments)}, or with parameters {@code name(parameters)(arguments)}; {@code parameters} is
 * null for a plain call. Operators become calls of ClickHouse's function names. {@code literal} marks an array or a
 * tuple of constants written in brackets or parentheses ({@code [1, 2]}, {@code (1, 'a')}, nested too), which
 * ClickHouse's parser reads as one literal and names as written. {@code writtenWithStar} marks {@code count(*)}, which
 * has no arguments here (it is {@code count()}) but keeps its star in ClickHouse's EXPLAIN AST. {@code window} is the
 * {@code OVER (...)} of a window function call, null for an ordinary call.
 */
public record FunctionCall(
        String name,
        List<Expression> arguments,
        List<Expression> parameters,
        boolean distinct,
        boolean literal,
        boolean writtenWithStar,
        WindowSpec window)
        implements Expression {

    public FunctionCall {
        arguments = List.copyOf(arguments);
        parameters = parameters == null ? null : List.copyOf(parameters);
    }

    public FunctionCall(
            String name,
            List<Expression> arguments,
            List<Expression> parameters,
            boolean distinct,
            boolean literal,
            boolean writtenWithStar) {
        this(name, arguments, parameters, distinct, literal, writtenWithStar, null);
    }

    public FunctionCall(
            String name, List<Expression> arguments, List<Expression> parameters, boolean distinct, boolean literal) {
        this(name, arguments, parameters, distinct, literal, false);
    }

    public FunctionCall(String name, List<Expression> arguments, List<Expression> parameters, boolean distinct) {
        this(name, arguments, parameters, distinct, false);
    }

    /** The same call over other arguments. */
    public FunctionCall withArguments(List<Expression> newArguments) {
        return new FunctionCall(name, newArguments, parameters, distinct, literal, writtenWithStar, window);
    }

    /** The same call with another window ({@code null}: an ordinary call). */
    public FunctionCall withWindow(WindowSpec newWindow) {
        return new FunctionCall(name, arguments, parameters, distinct, literal, writtenWithStar, newWindow);
    }

    public static FunctionCall of(String name, Expression... arguments) {
        return new FunctionCall(name, List.of(arguments), null, false);
    }
}
