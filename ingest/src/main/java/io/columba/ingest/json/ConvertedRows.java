package io.columba.ingest.json;

import java.util.List;

/**
 * Rows ready to insert: those that convert to the table's types as TabSeparated text of {@code columns} (every
 * value as its text, which the table's types are known to accept; NULL as {@code \N}), and those that do not as
 * JSONEachRow lines for the quarantine table. Either text is empty when it has no rows.
 */
public record ConvertedRows(
        List<String> columns, String rows, int rowCount, String quarantineRows, int quarantineCount) {
    public ConvertedRows {
        columns = List.copyOf(columns);
    }
}
