package io.columba.sql.ast;

import java.util.List;

/** {@code CREATE TABLE [IF NOT EXISTS] [db.]t (columns) ENGINE = ...}. */
public record CreateTableStatement(
        boolean ifNotExists, String database, String table, List<ColumnDeclaration> columns, EngineClause engine)
        implements Statement {

    public CreateTableStatement {
        columns = List.copyOf(columns);
    }
}
