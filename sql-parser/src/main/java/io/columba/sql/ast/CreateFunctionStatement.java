package io.columba.sql.ast;

/** {@code CREATE [OR REPLACE] FUNCTION [IF NOT EXISTS] name AS (x, y) -> expression}: a SQL function. */
public record CreateFunctionStatement(boolean orReplace, boolean ifNotExists, String name, Expression function)
        implements Statement {}
