package io.columba.sql.ast;

/** {@code CREATE DATABASE [IF NOT EXISTS] name [ENGINE = e]}; {@code engine} is null when absent. */
public record CreateDatabaseStatement(boolean ifNotExists, String name, EngineClause engine) implements Statement {}
