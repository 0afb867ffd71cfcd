package io.columba.sql.ast;

import java.util.List;

/**
 * {@code CREATE [MATERIALIZED] VIEW [IF NOT EXISTS] [db.]name [TO [db.]target] [(columns)] [ENGINE = e] [POPULATE]
 * AS query}; {@code database}, {@code toDatabase}, {@code toTable} and {@code engine} are null when absent.
 * {@code refresh} is the text of a refreshable view's {@code REFRESH EVERY|AFTER ...} clause, null for a view that
 * runs on insert: such a view is refreshed on a timer, not on insert.
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
        SelectUnion query,
        String refresh)
        implements Statement {

    public CreateViewStatement {
        columns = List.copyOf(columns);
    }
}
