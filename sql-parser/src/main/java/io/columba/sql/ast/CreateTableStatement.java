package io.columba.sql.ast;

import java.util.List;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] [db.]t [(columns, indexes)] [AS [db.]other] [ENGINE = ...] [AS SELECT ...]};
 * {@code asTable} ({@code db.t} or {@code t}) and {@code asSelect} are null when absent.
 */
public record CreateTableStatement(
        boolean ifNotExists,
        String database,
        String table,
        List<ColumnDeclaration> columns,
        List<IndexDeclaration> indexes,
        EngineClause engine,
        String asTable,
        SelectUnion asSelect)
        implements Statement {

    public CreateTableStatement {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
    }

    public CreateTableStatement(
            boolean ifNotExists,
            String database,
            String table,
            List<ColumnDeclaration> columns,
            List<IndexDeclaration> indexes,
            EngineClause engine) {
        this(ifNotExists, database, table, columns, indexes, engine, null, null);
    }

    public CreateTableStatement(
            boolean ifNotExists, String database, String table, List<ColumnDeclaration> columns, EngineClause engine) {
        this(ifNotExists, database, table, columns, List.of(), engine);
    }
}
