package io.columba.sql.ast;

/**
 * {@code INSERT INTO FUNCTION f(...) [PARTITION BY expression] ...}: rows written through a table function;
 * {@code rows} holds what is inserted (columns, VALUES, FORMAT data or SELECT, settings), its table null.
 * {@code partitionBy} is null when absent.
 */
public record InsertFunctionStatement(FunctionCall function, Expression partitionBy, InsertStatement rows)
        implements Statement {}
