package io.columba.sql.ast;

/** {@code CREATE INDEX [IF NOT EXISTS] name ON [db.]t (expression) TYPE type [GRANULARITY n]}: a skipping index. */
public record CreateIndexStatement(boolean ifNotExists, String database, String table, IndexDeclaration index)
        implements Statement {}
