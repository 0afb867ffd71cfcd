package io.columba.ingest.buffer;

import io.columba.storage.block.Block;
import io.columba.storage.type.DataType;
import java.util.List;

/**
 * Rows for one table, every value one the table's types accept: either text ({@code rows}: TabSeparated text of
 * {@code columns}, or JSONEachRow text when {@code columns} is empty) or a {@code block} whose columns are the
 * values of {@code columns}, of {@code types} (then {@code rows} is null).
 */
public record TableRows(
        String table, int rowCount, List<String> columns, String rows, List<DataType> types, Block block) {
    public TableRows {
        columns = List.copyOf(columns);
        types = types == null ? null : List.copyOf(types);
    }

    /** Text rows: TabSeparated of {@code columns}, or JSONEachRow when empty. */
    public TableRows(String table, int rowCount, List<String> columns, String rows) {
        this(table, rowCount, columns, rows, null, null);
    }

    /** JSONEachRow rows. */
    public TableRows(String table, int rowCount, String rows) {
        this(table, rowCount, List.of(), rows);
    }

    /** Rows converted already. */
    public TableRows(String table, List<String> columns, List<DataType> types, Block block) {
        this(table, block.rowCount(), columns, null, types, block);
    }
}
