package io.columba.executor;

import io.columba.storage.block.Block;
import io.columba.storage.type.DataType;
import java.util.List;

/**
 * The outcome of a statement: result columns (names, types, blocks) for queries, nothing for DDL and INSERT.
 * {@code rowsBeforeLimit} is -1 when the query had no LIMIT; {@code format} is the FORMAT clause or null;
 * {@code totals} is the one-row block of {@code WITH TOTALS}, or null.
 */
public record QueryResult(
        List<String> columnNames,
        List<DataType> columnTypes,
        List<Block> blocks,
        long rowsBeforeLimit,
        QueryStatistics statistics,
        String format,
        boolean hasResultSet,
        Block totals) {

    public QueryResult {
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
        blocks = List.copyOf(blocks);
    }

    /** The result of a statement that returns no rows (DDL, INSERT). */
    public static QueryResult empty(QueryStatistics statistics) {
        return new QueryResult(List.of(), List.of(), List.of(), -1, statistics, null, false, null);
    }

    public long rowCount() {
        long rows = 0;
        for (Block block : blocks) {
            rows += block.rowCount();
        }
        return rows;
    }

    public QueryResult withStatistics(QueryStatistics newStatistics) {
        return new QueryResult(
                columnNames, columnTypes, blocks, rowsBeforeLimit, newStatistics, format, hasResultSet, totals);
    }
}
