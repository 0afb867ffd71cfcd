package io.columba.sql.ast;

/** A column of CREATE TABLE: name, type text as written, optional DEFAULT expression (null when absent). */
public record ColumnDeclaration(String name, String type, Expression defaultExpression) {}
