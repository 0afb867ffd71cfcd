package io.columba.executor.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.columba.storage.column.Column;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads inline INSERT data (JSONEachRow, CSV, TabSeparated) into text columns, one per target column, NULL where
 * a value is {@code null}/{@code \N} and absent where a field is missing; the caller converts them to the column
 * types.
 */
public final class InputFormats {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private InputFormats() {}

    /** Text columns plus, per column, whether each row gave a value at all. */
    public record TextRows(int rowCount, List<Column> values, List<boolean[]> present) {}

    public static boolean isSupported(String format) {
        return switch (format) {
            case "JSONEachRow",
                    "NDJSON",
                    "JSONLines",
                    "CSV",
                    "CSVWithNames",
                    "TabSeparated",
                    "TSV",
                    "TabSeparatedWithNames",
                    "TSVWithNames" -> true;
            default -> false;
        };
    }

    public static TextRows read(String format, String data, List<String> columns) {
        return switch (format) {
            case "JSONEachRow", "NDJSON", "JSONLines" -> readJsonEachRow(data, columns);
            case "CSV" -> readDelimited(data, columns, ',', false);
            case "CSVWithNames" -> readDelimited(data, columns, ',', true);
            case "TabSeparated", "TSV" -> readDelimited(data, columns, '\t', false);
            case "TabSeparatedWithNames", "TSVWithNames" -> readDelimited(data, columns, '\t', true);
            default -> throw new ColumbaException(ErrorCode.UNKNOWN_FORMAT, "Unknown input format " + format);
        };
    }

    private static TextRows readJsonEachRow(String data, List<String> columns) {
        List<StringColumnBuilder> builders = new ArrayList<>();
        List<boolean[]> present = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            builders.add(new StringColumnBuilder(64));
            present.add(new boolean[64]);
        }
        int rows = 0;
        try (JsonParser parser = JSON.createParser(data)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY || token == JsonToken.END_ARRAY) {
                    continue;
                }
                if (token != JsonToken.START_OBJECT) {
                    throw new ColumbaException(
                            ErrorCode.CANNOT_PARSE_INPUT_ASSERTION_FAILED,
                            "Cannot parse input: expected '{' before: '" + parser.getText() + "' at row " + (rows + 1));
                }
                String[] values = new String[columns.size()];
                boolean[] given = new boolean[columns.size()];
                for (token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    int column = columns.indexOf(field);
                    if (column < 0) {
                        parser.skipChildren();
                        continue;
                    }
                    given[column] = true;
                    values[column] = jsonValueText(parser, value);
                }
                rows++;
                appendRow(builders, present, values, given, rows);
            }
        } catch (IOException e) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_PARSE_INPUT_ASSERTION_FAILED,
                    "Cannot parse JSON at row " + (rows + 1) + ": " + e.getMessage());
        }
        return finish(rows, builders, present);
    }

    private static String jsonValueText(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
            default -> {
                // An array or object: its JSON text, which the column type reads (arrays, maps, tuples).
                java.io.StringWriter raw = new java.io.StringWriter();
                try (com.fasterxml.jackson.core.JsonGenerator generator = JSON.createGenerator(raw)) {
                    generator.copyCurrentStructure(parser);
                }
                yield raw.toString();
            }
        };
    }

    private static TextRows finish(int rows, List<StringColumnBuilder> builders, List<boolean[]> present) {
        List<Column> columns = new ArrayList<>();
        List<boolean[]> flags = new ArrayList<>();
        for (int c = 0; c < builders.size(); c++) {
            columns.add(builders.get(c).build());
            flags.add(java.util.Arrays.copyOf(present.get(c), rows));
        }
        return new TextRows(rows, columns, flags);
    }

    private static TextRows readDelimited(String data, List<String> columns, char delimiter, boolean header) {
        List<StringColumnBuilder> builders = new ArrayList<>();
        List<boolean[]> present = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            builders.add(new StringColumnBuilder(64));
            present.add(new boolean[64]);
        }
        DelimitedReader reader = new DelimitedReader(data, delimiter);
        int[] mapping = null;
        if (header) {
            List<String> names = reader.nextRecord();
            if (names != null) {
                mapping = new int[names.size()];
                for (int i = 0; i < names.size(); i++) {
                    mapping[i] = columns.indexOf(names.get(i));
                }
            }
        }
        int rows = 0;
        for (List<String> record = reader.nextRecord(); record != null; record = reader.nextRecord()) {
            int expected = mapping == null ? columns.size() : mapping.length;
            if (record.size() != expected) {
                throw new ColumbaException(
                        ErrorCode.INCORRECT_DATA,
                        "Expected " + expected + " fields in row " + (rows + 1) + ", found " + record.size());
            }
            String[] values = new String[columns.size()];
            boolean[] given = new boolean[columns.size()];
            for (int i = 0; i < record.size(); i++) {
                int column = mapping == null ? i : mapping[i];
                if (column >= 0) {
                    values[column] = record.get(i);
                    given[column] = true;
                }
            }
            rows++;
            appendRow(builders, present, values, given, rows);
        }
        return finish(rows, builders, present);
    }

    /** Appends one row's texts (null for NULL or absent) and presence flags as row number {@code rows}. */
    private static void appendRow(
            List<StringColumnBuilder> builders, List<boolean[]> present, String[] values, boolean[] given, int rows) {
        for (int c = 0; c < builders.size(); c++) {
            if (present.get(c).length < rows) {
                present.set(c, java.util.Arrays.copyOf(present.get(c), rows * 2));
            }
            present.get(c)[rows - 1] = given[c];
            if (values[c] == null) {
                builders.get(c).appendNull();
            } else {
                builders.get(c).append(values[c]);
            }
        }
    }
}
