package io.columba.ingest.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Rows for a {@link QuarantineTable}, as JSONEachRow lines: the row's values as text under the data source's
 * column names, then {@code c__error_column}, {@code c__error}, {@code c__import_id} and {@code insertion_date}.
 * Safe to add to from several threads.
 */
public final class QuarantineRows {
    private final List<String> columns;
    private final String importId;
    private final String insertionDate = QuarantineTable.insertionDate();
    private final StringWriter text = new StringWriter();
    private JsonGenerator out;
    private int count;

    /** Rows of a data source with {@code columns}, marked with {@code importId} (may be null). */
    public QuarantineRows(List<String> columns, String importId) {
        this.columns = List.copyOf(columns);
        this.importId = importId;
    }

    /**
     * Adds a row: {@code values} in the order of the columns (null: the row has none, as a line that is not JSON),
     * and one message per error, each naming its column ("" when it is not one column's).
     */
    public synchronized void add(String[] values, List<String> errorColumns, List<String> errors) {
        try {
            if (out == null) {
                // Made on the first row: most batches have none.
                out = JsonValues.MAPPER.createGenerator(text);
                out.setRootValueSeparator(null);
            }
            out.writeStartObject();
            if (values != null) {
                for (int c = 0; c < columns.size(); c++) {
                    out.writeStringField(columns.get(c), values[c]);
                }
            }
            out.writeArrayFieldStart("c__error_column");
            for (String column : errorColumns) {
                out.writeString(column);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("c__error");
            for (String error : errors) {
                out.writeString(error);
            }
            out.writeEndArray();
            out.writeStringField("c__import_id", importId);
            out.writeStringField("insertion_date", insertionDate);
            out.writeEndObject();
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count++;
    }

    public synchronized int count() {
        return count;
    }

    /** Characters of text held now (rows added since the last {@link #drain}, give or take the writer's buffer). */
    public synchronized int heldChars() {
        return text.getBuffer().length();
    }

    /** The JSONEachRow text of the rows added since the last drain, which no longer holds them; count goes on. */
    public synchronized String drain() {
        String rows = text();
        text.getBuffer().setLength(0);
        return rows;
    }

    /** The JSONEachRow text of the rows added so far (since the last {@link #drain}). */
    public synchronized String text() {
        if (out == null) {
            return "";
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
