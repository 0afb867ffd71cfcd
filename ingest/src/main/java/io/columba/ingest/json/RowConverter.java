package io.columba.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.columba.executor.function.scalar.TypeConversion;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.type.DataType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps JSON rows onto a table's columns by JSONPath and checks each value converts to its column's type, with the
 * same conversion an INSERT applies. A missing value takes the column's DEFAULT, else NULL when the column is
 * Nullable; a JSON null takes NULL, else the DEFAULT. A row with any value that cannot be had or converted goes to
 * the quarantine with one error per such column ({@code value 'x' on column 'c' is not UInt32}).
 */
public final class RowConverter {
    private static final DataType TEXT = NullableType.of(StringType.STRING);

    private final ColumnDefaults defaults;

    public RowConverter(ColumnDefaults defaults) {
        this.defaults = defaults;
    }

    /**
     * Converts an Events API body (NDJSON or one JSON document); lines that are not JSON become quarantine rows.
     * A body that is not UTF-8 or holds no JSON at all is refused as {@link JsonRows#parse} does.
     */
    public ConvertedRows convert(IngestSchema schema, byte[] body, String importId) {
        JsonRows.requireUtf8(body);
        FieldValues flat = FlatJsonReader.read(body, schema.columns());
        if (flat != null) {
            return convert(schema, flat, List.of(), importId);
        }
        List<JsonNode[]> selected = FieldSelector.select(body, schema.columns());
        if (selected == null) {
            return convert(schema, JsonRows.parse(body), importId);
        }
        return convert(
                schema, FieldValues.of(selected, schema.columns(), new String[selected.size()]), List.of(), importId);
    }

    /** Converts {@code input}; its parse errors become quarantine rows too. {@code importId} may be null. */
    public ConvertedRows convert(IngestSchema schema, JsonRows input, String importId) {
        List<IngestColumn> columns = schema.columns();
        List<JsonNode[]> selected = new ArrayList<>(input.rows().size());
        String[] notObjects = new String[input.rows().size()];
        for (JsonNode row : input.rows()) {
            if (!row.isObject()) {
                notObjects[selected.size()] = "expected a JSON object, found "
                        + row.getNodeType().name().toLowerCase();
                selected.add(null);
                continue;
            }
            JsonNode[] values = new JsonNode[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                values[c] = columns.get(c).path().select(row);
            }
            selected.add(values);
        }
        return convert(schema, FieldValues.of(selected, columns, notObjects), input.errors(), importId);
    }

    private ConvertedRows convert(IngestSchema schema, FieldValues values, List<String> parseErrors, String importId) {
        List<IngestColumn> columns = schema.columns();
        int count = values.rowCount();
        RowErrors errors = new RowErrors(count);
        ColumnDefaults.Batch batch = defaults.batch();
        for (int r = 0; r < count; r++) {
            String notObject = values.notObject(r);
            if (notObject != null) {
                errors.add(r, "", notObject);
                continue;
            }
            for (int c = 0; c < columns.size(); c++) {
                byte kind = values.kind(c, r);
                if (kind != FieldValues.VALUE) {
                    values.sink(c).text(absent(columns.get(c), kind == FieldValues.NULL, r, errors, batch), r);
                }
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            check(columns.get(c), values.sink(c), errors);
        }
        return build(schema, values, errors, parseErrors, importId);
    }

    /** The text of a column whose field is missing or JSON null: its DEFAULT, or NULL, or an error. */
    private static String absent(
            IngestColumn column, boolean jsonNull, int r, RowErrors errors, ColumnDefaults.Batch batch) {
        boolean nullable = column.type().isNullable();
        boolean preferNull = jsonNull && nullable;
        if (!preferNull && column.defaultExpression() != null) {
            ColumnDefaults.Evaluated evaluated = batch.of(column);
            if (evaluated.failure() == null) {
                return evaluated.text();
            }
            errors.add(r, column.name(), evaluated.failure());
            return null;
        }
        if (!nullable) {
            String what = jsonNull ? "is null" : "is missing";
            errors.add(
                    r,
                    column.name(),
                    "value at " + column.path().text() + " " + what + " and column '" + column.name() + "' of type "
                            + column.type().name() + " has no DEFAULT");
        }
        return null;
    }

    /**
     * Values the sink read in a plain form of the type are known to convert; the others are converted as a whole
     * column at once, and only when that fails row by row to find the values at fault. Those that convert are then
     * resolved into the sink.
     */
    private static void check(IngestColumn column, ColumnSink sink, RowErrors errors) {
        String[] texts = sink.uncertain();
        if (texts == null) {
            return;
        }
        boolean wholeColumn;
        try {
            TypeConversion.cast(textColumn(texts, 0, texts.length), TEXT, column.type(), texts.length);
            wholeColumn = true;
        } catch (ColumbaException | IllegalStateException | IllegalArgumentException wholeColumnFailed) {
            wholeColumn = false; // Some value does not convert: find which.
        }
        for (int r = 0; r < texts.length; r++) {
            if (texts[r] == null) {
                continue;
            }
            try {
                if (!wholeColumn) {
                    TypeConversion.cast(textColumn(texts, r, 1), TEXT, column.type(), 1);
                }
                sink.resolve(r);
            } catch (ColumbaException | IllegalStateException | IllegalArgumentException e) {
                errors.add(
                        r,
                        column.name(),
                        "value '" + texts[r] + "' on column '" + column.name() + "' is not "
                                + column.type().name());
            }
        }
    }

    private static Column textColumn(String[] texts, int from, int count) {
        StringColumnBuilder builder = new StringColumnBuilder(count);
        for (int r = from; r < from + count; r++) {
            if (texts[r] == null) {
                builder.appendNull();
            } else {
                builder.append(texts[r]);
            }
        }
        return builder.build();
    }

    /** The rows without errors as a block of the schema's columns; the others as quarantine rows. */
    private static ConvertedRows build(
            IngestSchema schema, FieldValues values, RowErrors errors, List<String> parseErrors, String importId) {
        List<String> names = schema.columnNames();
        QuarantineRows quarantine = new QuarantineRows(names, importId);
        int rows = errors.rowCount();
        int[] kept = new int[rows];
        int keptCount = 0;
        for (int r = 0; r < rows; r++) {
            if (!errors.has(r)) {
                kept[keptCount++] = r;
                continue;
            }
            String[] texts = new String[values.columnCount()];
            for (int c = 0; values.notObject(r) == null && c < texts.length; c++) {
                texts[c] = values.sink(c).text(r);
            }
            quarantine.add(texts, errors.columns(r), errors.messages(r));
        }
        for (String parseError : parseErrors) {
            quarantine.add(null, List.of(), List.of(parseError));
        }
        List<Column> columns = new ArrayList<>(values.columnCount());
        for (int c = 0; c < values.columnCount(); c++) {
            columns.add(values.sink(c).build(keptCount == rows ? null : kept, keptCount));
        }
        return new ConvertedRows(
                names,
                schema.columns().stream().map(IngestColumn::type).toList(),
                new Block(keptCount, columns),
                quarantine.text(),
                quarantine.count());
    }

    /** The errors of each row, kept only for rows that have some. */
    private static final class RowErrors {
        private final List<List<String>> columns;
        private final List<List<String>> messages;

        RowErrors(int rows) {
            columns = new ArrayList<>(java.util.Collections.nCopies(rows, (List<String>) null));
            messages = new ArrayList<>(java.util.Collections.nCopies(rows, (List<String>) null));
        }

        int rowCount() {
            return columns.size();
        }

        void add(int row, String column, String message) {
            if (columns.get(row) == null) {
                columns.set(row, new ArrayList<>());
                messages.set(row, new ArrayList<>());
            }
            columns.get(row).add(column);
            messages.get(row).add(message);
        }

        boolean has(int row) {
            return columns.get(row) != null;
        }

        List<String> columns(int row) {
            return columns.get(row);
        }

        List<String> messages(int row) {
            return messages.get(row);
        }
    }
}
