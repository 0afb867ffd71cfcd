package io.columba.sql.ast;

import java.util.List;
import java.util.Map;

/**
 * {@code OPTIMIZE TABLE t [PARTITION p] [FINAL] [DEDUPLICATE [BY columns]] [SETTINGS ...]}: merge the table's parts
 * now. {@code partition} is null when absent, {@code deduplicateBy} empty without BY; {@code cleanup} marks
 * {@code CLEANUP} (a ReplacingMergeTree drops its deleted rows).
 */
public record OptimizeStatement(
        String database,
        String table,
        boolean fin,
        AlterCommand.Partition partition,
        boolean deduplicate,
        List<Expression> deduplicateBy,
        Map<String, Expression> settings,
        boolean cleanup)
        implements Statement {

    public OptimizeStatement {
        deduplicateBy = List.copyOf(deduplicateBy);
        settings = Map.copyOf(settings);
    }

    public OptimizeStatement(String database, String table, boolean fin) {
        this(database, table, fin, null, false, List.of(), Map.of(), false);
    }
}
