package io.columba.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The values JSON rows give the columns of a table, column by column: each value in its column's {@link
 * ColumnSink}, and whether the field was missing, JSON null or a value. A row that is not a JSON object has no
 * values and an error instead.
 */
final class FieldValues {
    static final byte MISSING = 0;
    static final byte NULL = 1;
    static final byte VALUE = 2;

    private final ColumnSink[] sinks;
    private final byte[][] kinds;
    private final int capacity;
    private String[] notObjects;
    private int rowCount;

    /** Room for {@code rows} rows of {@code columns}, whose raw values are read from {@code source} (may be null). */
    FieldValues(List<IngestColumn> columns, int rows, byte[] source) {
        sinks = new ColumnSink[columns.size()];
        for (int c = 0; c < sinks.length; c++) {
            sinks[c] = ColumnSink.of(columns.get(c).type(), rows, source);
        }
        kinds = new byte[columns.size()][rows];
        capacity = rows;
        rowCount = rows;
    }

    /** The values of {@code rows} (per row, the node of each column, null when missing; or null: not an object). */
    static FieldValues of(List<JsonNode[]> rows, List<IngestColumn> columns, String[] notObjects) {
        FieldValues values = new FieldValues(columns, rows.size(), null);
        for (int r = 0; r < rows.size(); r++) {
            JsonNode[] row = rows.get(r);
            if (row == null) {
                values.notObject(r, notObjects[r]);
                continue;
            }
            for (int c = 0; c < row.length; c++) {
                JsonNode value = row[c];
                if (value == null) {
                    continue;
                }
                if (value.isNull()) {
                    values.setNull(c, r);
                } else {
                    values.text(c, r, JsonValues.text(value, columns.get(c).type()));
                }
            }
        }
        return values;
    }

    ColumnSink sink(int column) {
        return sinks[column];
    }

    void string(int column, int row, byte[] bytes, int from, int to) {
        kinds[column][row] = VALUE;
        sinks[column].string(bytes, from, to, row);
    }

    void number(int column, int row, byte[] bytes, int from, int to) {
        kinds[column][row] = VALUE;
        sinks[column].number(bytes, from, to, row);
    }

    void text(int column, int row, String text) {
        kinds[column][row] = VALUE;
        sinks[column].text(text, row);
    }

    void setNull(int column, int row) {
        kinds[column][row] = NULL;
    }

    void notObject(int row, String error) {
        if (notObjects == null) {
            notObjects = new String[capacity];
        }
        notObjects[row] = error;
    }

    /** The first {@code rows} rows. */
    FieldValues withRows(int rows) {
        rowCount = rows;
        return this;
    }

    int rowCount() {
        return rowCount;
    }

    int columnCount() {
        return sinks.length;
    }

    byte kind(int column, int row) {
        return kinds[column][row];
    }

    /** Why row {@code row} has no values (it is not a JSON object), or null. */
    String notObject(int row) {
        return notObjects == null ? null : notObjects[row];
    }
}
