package io.columba.ingest.json;

/**
 * Rows ready to insert: those that convert to the table's types as JSONEachRow lines (every value as its text,
 * which the table's types are known to accept), and those that do not as JSONEachRow lines for the quarantine
 * table. Either text is empty when it has no rows.
 */
public record ConvertedRows(String rows, int rowCount, String quarantineRows, int quarantineCount) {
    public static final ConvertedRows EMPTY = new ConvertedRows("", 0, "", 0);
}
