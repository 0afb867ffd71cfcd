package io.columba.sql.ast;

import java.util.List;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] [db.]t [(columns, indexes)] [AS [db.]other] [ENGINE = ...] [AS SELECT ...]};
 * {@code asTable} ({@code db.t} or {@code t}), {@code asSelect} and {@code asTableFunction} ({@code AS remote(...)},
 * a table function's structure and data) are null when absent. {@code constraints} and {@code projections} are
 * the table's {@code CONSTRAINT} and {@code PROJECTION} elements. {@code columnsPrimaryKey} is the primary key
 * written among the columns ({@code a String PRIMARY KEY} or {@code PRIMARY KEY (a, b)}), null when it is not; it is
 * the engine's primary key too. {@code attach} marks {@code ATTACH TABLE} with a definition.
 */
public record CreateTableStatement(
        boolean ifNotExists,
        String database,
        String table,
        List<ColumnDeclaration> columns,
        List<IndexDeclaration> indexes,
        EngineClause engine,
        String asTable,
        SelectUnion asSelect,
        FunctionCall asTableFunction,
        List<ConstraintDeclaration> constraints,
        List<ProjectionDeclaration> projections,
        Expression columnsPrimaryKey,
        boolean attach)
        implements Statement {

    public CreateTableStatement {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        constraints = List.copyOf(constraints);
        projections = List.copyOf(projections);
    }

    /** Without constraints or projections. */
    public CreateTableStatement(
            boolean ifNotExists,
            String database,
            String table,
            List<ColumnDeclaration> columns,
            List<IndexDeclaration> indexes,
            EngineClause engine,
            String asTable,
            SelectUnion asSelect,
            FunctionCall asTableFunction) {
        this(
                ifNotExists,
                database,
                table,
                columns,
                indexes,
                engine,
                asTable,
                asSelect,
                asTableFunction,
                List.of(),
                List.of(),
                null,
                false);
    }

    public CreateTableStatement(
            boolean ifNotExists,
            String database,
            String table,
            List<ColumnDeclaration> columns,
            List<IndexDeclaration> indexes,
            EngineClause engine,
            String asTable,
            SelectUnion asSelect) {
        this(ifNotExists, database, table, columns, indexes, engine, asTable, asSelect, null);
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
