package io.columba.ingest.buffer;

import java.util.List;

/**
 * Rows for one table, every value one the table's types accept: TabSeparated text of {@code columns}, or
 * JSONEachRow text when {@code columns} is empty.
 */
public record TableRows(String table, int rowCount, List<String> columns, String rows) {
    public TableRows {
        columns = List.copyOf(columns);
    }

    /** JSONEachRow rows. */
    public TableRows(String table, int rowCount, String rows) {
        this(table, rowCount, List.of(), rows);
    }
}
