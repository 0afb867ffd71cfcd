package io.columba.sql.ast;

import java.util.List;

/** {@code CREATE TABLE [IF NOT EXISTS] [db.]t (columns, indexes) ENGINE = ...}. */
public record CreateTableStatement(
        boolean ifNotExists,
        String database,
        String table,
        List<ColumnDeclaration> columns,
        List<IndexDeclaration> indexes,
        EngineClause engine)
        implements Statement {

    public CreateTableStatement {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
    }

    public CreateTableStatement(
            boolean ifNotExists, String database, String table, List<ColumnDeclaration> columns, EngineClause engine) {
        this(ifNotExists, database, table, columns, List.of(), engine);
    }
}
