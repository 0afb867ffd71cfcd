package io.columba.sql.ast;

import java.util.List;

/**
 * {@code CREATE [MATERIALIZED] VIEW [IF NOT EXISTS] [db.]name [TO [db.]target] [(columns)] [ENGINE = e] [POPULATE]
 * AS query}; {@code database}, {@code toDatabase}, {@code toTable} and {@code engine} are null when absent.
 */
public record CreateViewStatement(
        boolean materialized,
        boolean ifNotExists,
        String database,
        String name,
        String toDatabase,
        String toTable,
        List<ColumnDeclaration> columns,
        EngineClause engine,
        boolean populate,
        SelectUnion query)
        implements Statement {

    public CreateViewStatement {
        columns = List.copyOf(columns);
    }
}
