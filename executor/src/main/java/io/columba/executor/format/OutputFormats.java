package io.columba.executor.format;

import io.columba.executor.QueryResult;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.EnumType;
import io.columba.storage.type.FixedStringType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.WideIntegerType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes query results in ClickHouse's text formats, byte for byte as ClickHouse does. */
public final class OutputFormats {
    private OutputFormats() {}

    private enum Kind {
        JSON,
        JSON_COMPACT,
        JSON_EACH_ROW,
        CSV,
        CSV_WITH_NAMES,
        TSV,
        TSV_WITH_NAMES,
        TSV_WITH_NAMES_AND_TYPES,
        PRETTY,
        PRETTY_NO_ESCAPES,
        PRETTY_COMPACT,
        PRETTY_COMPACT_NO_ESCAPES,
        PRETTY_COMPACT_MONO_BLOCK,
        PRETTY_SPACE,
        PRETTY_SPACE_NO_ESCAPES
    }

    private static Kind kind(String name) {
        return switch (name) {
            case "JSON" -> Kind.JSON;
            case "JSONCompact" -> Kind.JSON_COMPACT;
            case "JSONEachRow", "NDJSON", "JSONLines" -> Kind.JSON_EACH_ROW;
            case "CSV" -> Kind.CSV;
            case "CSVWithNames" -> Kind.CSV_WITH_NAMES;
            case "TabSeparated", "TSV" -> Kind.TSV;
            case "TabSeparatedWithNames", "TSVWithNames" -> Kind.TSV_WITH_NAMES;
            case "TabSeparatedWithNamesAndTypes", "TSVWithNamesAndTypes" -> Kind.TSV_WITH_NAMES_AND_TYPES;
            case "Pretty" -> Kind.PRETTY;
            case "PrettyNoEscapes" -> Kind.PRETTY_NO_ESCAPES;
            case "PrettyCompact" -> Kind.PRETTY_COMPACT;
            case "PrettyCompactNoEscapes" -> Kind.PRETTY_COMPACT_NO_ESCAPES;
            case "PrettyCompactMonoBlock" -> Kind.PRETTY_COMPACT_MONO_BLOCK;
            case "PrettySpace" -> Kind.PRETTY_SPACE;
            case "PrettySpaceNoEscapes" -> Kind.PRETTY_SPACE_NO_ESCAPES;
            default -> null;
        };
    }

    /** Whether {@code name} is a format this server writes (case-sensitive, as in ClickHouse). */
    public static boolean isSupported(String name) {
        return name != null && kind(name) != null;
    }

    /** The Content-Type ClickHouse sends for the format. */
    public static String contentType(String name) {
        Kind kind = kind(name);
        if (kind == null) {
            return "text/plain; charset=UTF-8";
        }
        return switch (kind) {
            case JSON, JSON_COMPACT -> "application/json; charset=UTF-8";
            case JSON_EACH_ROW -> "application/x-ndjson; charset=UTF-8";
            case CSV -> "text/csv; charset=UTF-8; header=absent";
            case CSV_WITH_NAMES -> "text/csv; charset=UTF-8; header=present";
            case TSV, TSV_WITH_NAMES, TSV_WITH_NAMES_AND_TYPES -> "text/tab-separated-values; charset=UTF-8";
            default -> "text/plain; charset=UTF-8";
        };
    }

    public static void write(QueryResult result, String format, FormatSettings settings, OutputStream target)
            throws IOException {
        Kind kind = kind(format);
        if (kind == null) {
            throw new ColumbaException(ErrorCode.UNKNOWN_FORMAT, "Unknown output format " + format);
        }
        OutputStream out = new BufferedOutputStream(target, 1 << 16);
        switch (kind) {
            case JSON, JSON_COMPACT -> writeJson(result, settings, out, kind == Kind.JSON_COMPACT);
            case JSON_EACH_ROW -> writeJsonEachRow(result, settings, out);
            case CSV, CSV_WITH_NAMES -> writeDelimited(result, out, kind == Kind.CSV_WITH_NAMES, false, true);
            case TSV -> writeDelimited(result, out, false, false, false);
            case TSV_WITH_NAMES -> writeDelimited(result, out, true, false, false);
            case TSV_WITH_NAMES_AND_TYPES -> writeDelimited(result, out, true, true, false);
            case PRETTY -> PrettyWriter.write(result, PrettyWriter.Style.PRETTY, true, false, settings, out);
            case PRETTY_NO_ESCAPES ->
                PrettyWriter.write(result, PrettyWriter.Style.PRETTY, false, false, settings, out);
            case PRETTY_COMPACT -> PrettyWriter.write(result, PrettyWriter.Style.COMPACT, true, false, settings, out);
            case PRETTY_COMPACT_NO_ESCAPES ->
                PrettyWriter.write(result, PrettyWriter.Style.COMPACT, false, false, settings, out);
            case PRETTY_COMPACT_MONO_BLOCK ->
                PrettyWriter.write(result, PrettyWriter.Style.COMPACT, true, true, settings, out);
            case PRETTY_SPACE -> PrettyWriter.write(result, PrettyWriter.Style.SPACE, true, false, settings, out);
            case PRETTY_SPACE_NO_ESCAPES ->
                PrettyWriter.write(result, PrettyWriter.Style.SPACE, false, false, settings, out);
        }
        out.flush();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeJson(QueryResult result, FormatSettings settings, OutputStream out, boolean compact)
            throws IOException {
        List<String> names = result.columnNames();
        List<DataType> types = result.columnTypes();
        StringBuilder text = new StringBuilder("{\n\t\"meta\":\n\t[");
        for (int c = 0; c < names.size(); c++) {
            text.append(c == 0 ? "\n" : ",\n");
            text.append("\t\t{\n\t\t\t\"name\": ")
                    .append(JsonText.quote(names.get(c), settings.escapeForwardSlashes()));
            text.append(",\n\t\t\t\"type\": ")
                    .append(JsonText.quote(types.get(c).name(), settings.escapeForwardSlashes()));
            text.append("\n\t\t}");
        }
        text.append("\n\t],\n\n\t\"data\":\n\t[");
        write(out, text.toString());
        boolean first = true;
        String[] quotedNames = new String[names.size()];
        for (int c = 0; c < names.size(); c++) {
            quotedNames[c] = JsonText.quote(names.get(c), settings.escapeForwardSlashes());
        }
        for (Block block : result.blocks()) {
            for (int row = 0; row < block.rowCount(); row++) {
                StringBuilder line = new StringBuilder(first ? "\n\t\t" : ",\n\t\t");
                first = false;
                jsonRow(line, block, row, types, compact ? null : quotedNames, "\t\t", ", ", settings);
                write(out, line.toString());
            }
        }
        StringBuilder tail = new StringBuilder("\n\t],\n\n");
        if (result.totals() != null) {
            // WITH TOTALS: an object (JSON) or an array without spaces (JSONCompact), as ClickHouse writes them.
            tail.append(compact ? "\t\"totals\": " : "\t\"totals\":\n\t");
            jsonRow(tail, result.totals(), 0, types, compact ? null : quotedNames, "\t", ",", settings);
            tail.append(",\n\n");
        }
        tail.append("\t\"rows\": ").append(result.rowCount()).append(",\n\n");
        if (result.rowsBeforeLimit() >= 0) {
            tail.append("\t\"rows_before_limit_at_least\": ")
                    .append(result.rowsBeforeLimit())
                    .append(",\n\n");
        }
        tail.append("\t\"statistics\":\n\t{\n");
        tail.append("\t\t\"elapsed\": ")
                .append(TextValues.formatDouble(result.statistics().elapsedSeconds()))
                .append(",\n");
        tail.append("\t\t\"rows_read\": ")
                .append(result.statistics().rowsRead())
                .append(",\n");
        tail.append("\t\t\"bytes_read\": ")
                .append(result.statistics().bytesRead())
                .append("\n");
        tail.append("\t}\n}\n");
        write(out, tail.toString());
    }

    /**
     * One row as a JSON object, its fields on lines of their own indented one tab past {@code indent}, or, without
     * names, as an array of values joined by {@code separator}.
     */
    private static void jsonRow(
            StringBuilder line,
            Block block,
            int row,
            List<DataType> types,
            String[] quotedNames,
            String indent,
            String separator,
            FormatSettings settings) {
        line.append(quotedNames == null ? "[" : "{\n");
        for (int c = 0; c < types.size(); c++) {
            if (quotedNames == null) {
                line.append(c == 0 ? "" : separator);
            } else {
                line.append(indent).append('\t').append(quotedNames[c]).append(": ");
            }
            JsonValueWriter.append(line, block.column(c), types.get(c), row, settings);
            if (quotedNames != null) {
                line.append(c + 1 < types.size() ? ",\n" : "\n");
            }
        }
        line.append(quotedNames == null ? "]" : indent + "}");
    }

    private static void writeJsonEachRow(QueryResult result, FormatSettings settings, OutputStream out)
            throws IOException {
        List<String> names = result.columnNames();
        String[] keys = new String[names.size()];
        for (int c = 0; c < keys.length; c++) {
            keys[c] = JsonText.quote(names.get(c), settings.escapeForwardSlashes()) + ":";
        }
        for (Block block : result.blocks()) {
            for (int row = 0; row < block.rowCount(); row++) {
                StringBuilder line = new StringBuilder("{");
                for (int c = 0; c < keys.length; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    line.append(keys[c]);
                    JsonValueWriter.append(
                            line, block.column(c), result.columnTypes().get(c), row, settings);
                }
                line.append("}\n");
                write(out, line.toString());
            }
        }
    }

    /** Whether CSV writes the values of a type without quotes: numbers and booleans. */
    private static boolean unquotedInCsv(DataType base) {
        return base instanceof IntegerType
                || base instanceof io.columba.storage.type.FloatType
                || base instanceof BoolType
                || base instanceof DecimalType
                || base instanceof WideIntegerType;
    }

    /** Whether TabSeparated escapes the text of a type's values: strings and enum names. */
    private static boolean escapedInTsv(DataType base) {
        return base instanceof StringType || base instanceof FixedStringType || base instanceof EnumType;
    }

    private static void writeDelimited(QueryResult result, OutputStream out, boolean names, boolean types, boolean csv)
            throws IOException {
        char separator = csv ? ',' : '\t';
        if (names) {
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < result.columnNames().size(); c++) {
                if (c > 0) {
                    header.append(separator);
                }
                String name = result.columnNames().get(c);
                header.append(csv ? csvQuote(name) : tsvEscape(name));
            }
            write(out, header.append('\n').toString());
        }
        if (types) {
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < result.columnTypes().size(); c++) {
                if (c > 0) {
                    header.append(separator);
                }
                header.append(tsvEscape(result.columnTypes().get(c).name()));
            }
            write(out, header.append('\n').toString());
        }
        for (Block block : result.blocks()) {
            write(out, delimitedRows(block, result.columnTypes(), csv));
        }
        if (result.totals() != null) {
            // WITH TOTALS: an empty line, then the totals row.
            write(out, "\n" + delimitedRows(result.totals(), result.columnTypes(), csv));
        }
    }

    private static String delimitedRows(Block block, List<DataType> columnTypes, boolean csv) {
        char separator = csv ? ',' : '\t';
        StringBuilder lines = new StringBuilder();
        for (int row = 0; row < block.rowCount(); row++) {
            for (int c = 0; c < columnTypes.size(); c++) {
                if (c > 0) {
                    lines.append(separator);
                }
                Column column = block.column(c);
                if (column.isNull(row)) {
                    lines.append("\\N");
                    continue;
                }
                String text = TextValues.plainText(column, columnTypes.get(c), row);
                DataType base = columnTypes.get(c).withoutNullable();
                if (csv) {
                    lines.append(unquotedInCsv(base) ? text : csvQuote(text));
                } else {
                    lines.append(escapedInTsv(base) ? tsvEscape(text) : text);
                }
            }
            lines.append('\n');
        }
        return lines.toString();
    }

    private static String csvQuote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** TabSeparated escaping of a string value. */
    public static String tsvEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\'' -> out.append("\\'");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
