package io.columba.sql.ast;

/**
 * An expression of the ClickHouse dialect. As in ClickHouse, operators are function calls ({@code a + b} is
 * {@code plus(a, b)}) and an alias may be attached to any expression.
 */
public sealed interface Expression
        permits Literal, Identifier, FunctionCall, Asterisk, Alias, SubqueryExpression, QueryParameter, Lambda {}
