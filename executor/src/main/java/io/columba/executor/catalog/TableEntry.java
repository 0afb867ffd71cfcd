package io.columba.executor.catalog;

import io.columba.executor.expression.BoundExpression;
import io.columba.sql.ast.CreateTableStatement;
import io.columba.storage.engine.MergeTreeTable;
import java.util.List;

/**
 * A table of the catalog: its definition, its storage, and its key expressions bound to its columns.
 * {@code prunableKeyColumns} are the columns the primary index can prune on: the leading ORDER BY elements that are
 * plain columns (none when the first is an expression). {@code discardsRows} is true for the Null engine, which keeps nothing it is given.
 */
public record TableEntry(
        String name,
        String createSql,
        CreateTableStatement definition,
        MergeTreeTable table,
        BoundExpression partitionKey,
        List<BoundExpression> sortingKey,
        List<String> prunableKeyColumns,
        boolean discardsRows) {

    /** The engine's name as written in the CREATE statement, e.g. {@code ReplacingMergeTree}. */
    public String engineName() {
        return definition.engine().name();
    }
}
