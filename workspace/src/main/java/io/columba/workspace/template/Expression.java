package io.columba.workspace.template;

import java.util.List;

/**
 * The restricted Python expression grammar of templates. Every node the parser can build is listed here; there
 * is no node for attribute reads, lambdas, comprehensions, imports or calls of anything but a named function or a
 * method of a value, so the evaluator cannot be asked to do them.
 */
sealed interface Expression {

    /** None, True, False, an int, a float or a str. */
    record Constant(Object value) implements Expression {}

    /** A parameter, a {@code {% set %}}/{@code {% for %}} variable, or (as a call target only) a function. */
    record Name(String identifier) implements Expression {}

    record ListDisplay(List<Expression> items) implements Expression {}

    record TupleDisplay(List<Expression> items) implements Expression {}

    /** {@code {a, b}}: parsed because {@code {{x}}} inside {@code {% %}} is one, and fails when evaluated. */
    record SetDisplay(List<Expression> items) implements Expression {}

    record DictDisplay(List<Expression> keys, List<Expression> values) implements Expression {}

    /** {@code -x}, {@code +x} or {@code not x}. */
    record Unary(String operator, Expression operand) implements Expression {}

    /** {@code + - * / // %}. */
    record Binary(String operator, Expression left, Expression right) implements Expression {}

    /** {@code and} / {@code or}, which return one of their operands. */
    record Logical(boolean isAnd, Expression left, Expression right) implements Expression {}

    /** A chain {@code a < b <= c}; operators are {@code < > <= >= == != in not in is is not}. */
    record Comparison(Expression first, List<String> operators, List<Expression> rest) implements Expression {}

    /** {@code then if condition else otherwise}. */
    record Conditional(Expression condition, Expression then, Expression otherwise) implements Expression {}

    /** {@code function(args, name=value)}: {@code function} is a builtin or Tinybird template function. */
    record Call(String function, List<Expression> arguments, List<Keyword> keywords) implements Expression {}

    /** {@code receiver.method(args)}: only the str, list and dict methods of {@link PythonMethods}. */
    record MethodCall(Expression receiver, String method, List<Expression> arguments, List<Keyword> keywords)
            implements Expression {}

    /** A call of something that is not a function name ({@code f(x)(y)}): Python's "object is not callable". */
    record UncallableCall(Expression callee, List<Expression> arguments, List<Keyword> keywords)
            implements Expression {}

    record Subscript(Expression container, Expression index) implements Expression {}

    /** {@code container[lower:upper:step]}; absent bounds are {@code null}. */
    record Slice(Expression container, Expression lower, Expression upper, Expression step) implements Expression {}

    /** A keyword argument {@code name=value}. */
    record Keyword(String name, Expression value) {}
}
