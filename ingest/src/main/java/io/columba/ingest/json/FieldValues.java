package io.columba.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The values JSON rows give the columns of a table, column by column: each value's text for its column ({@link
 * JsonValues#text}), and whether the field was missing, JSON null or a value. A row that is not a JSON object has
 * no values and an error instead.
 */
final class FieldValues {
    static final byte MISSING = 0;
    static final byte NULL = 1;
    static final byte VALUE = 2;

    private final String[][] texts;
    private final byte[][] kinds;
    private final int capacity;
    private String[] notObjects;
    private int rowCount;

    FieldValues(int columns, int rows) {
        texts = new String[columns][rows];
        kinds = new byte[columns][rows];
        capacity = rows;
        rowCount = rows;
    }

    /** The values of {@code rows} (per row, the node of each column, null when missing; or null: not an object). */
    static FieldValues of(List<JsonNode[]> rows, List<IngestColumn> columns, String[] notObjects) {
        FieldValues values = new FieldValues(columns.size(), rows.size());
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
                    values.set(c, r, JsonValues.text(value, columns.get(c).type()));
                }
            }
        }
        return values;
    }

    void set(int column, int row, String text) {
        texts[column][row] = text;
        kinds[column][row] = VALUE;
    }

    void setNull(int column, int row) {
        texts[column][row] = null;
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

    String text(int column, int row) {
        return texts[column][row];
    }

    byte kind(int column, int row) {
        return kinds[column][row];
    }

    /** Why row {@code row} has no values (it is not a JSON object), or null. */
    String notObject(int row) {
        return notObjects == null ? null : notObjects[row];
    }
}
