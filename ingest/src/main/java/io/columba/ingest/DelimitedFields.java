package io.columba.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one CSV or TSV row, as byte ranges of the row (quotes included, so that each field alone parses as
 * it did in the row) and as the text they hold (quotes and escapes undone; TSV's {@code \N} is null).
 */
final class DelimitedFields {
    private final byte[] bytes;
    private final char delimiter;
    private final List<int[]> ranges = new ArrayList<>();

    private DelimitedFields(byte[] bytes, char delimiter) {
        this.bytes = bytes;
        this.delimiter = delimiter;
    }

    /** Splits the row in {@code bytes[from, to)} (its line end included or not). */
    static DelimitedFields split(byte[] bytes, int from, int to, char delimiter) {
        DelimitedFields fields = new DelimitedFields(bytes, delimiter);
        int end = to;
        while (end > from && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        int at = from;
        while (true) {
            int start = at;
            if (delimiter != '\t' && at < end && bytes[at] == '"') {
                at++;
                while (at < end && !(bytes[at] == '"' && (at + 1 >= end || bytes[at + 1] != '"'))) {
                    at += bytes[at] == '"' ? 2 : 1;
                }
                at = Math.min(end, at + 1);
            }
            while (at < end && bytes[at] != delimiter) {
                at++;
            }
            fields.ranges.add(new int[] {start, at});
            if (at >= end) {
                return fields;
            }
            at++;
        }
    }

    int count() {
        return ranges.size();
    }

    int start(int field) {
        return ranges.get(field)[0];
    }

    int end(int field) {
        return ranges.get(field)[1];
    }

    /** The value field {@code field} holds, or null (TSV's {@code \N}). */
    String text(int field) {
        int start = start(field);
        int end = end(field);
        if (delimiter == '\t') {
            return tsvText(start, end);
        }
        if (end - start >= 2 && bytes[start] == '"' && bytes[end - 1] == '"') {
            String inner = new String(bytes, start + 1, end - start - 2, StandardCharsets.UTF_8);
            return inner.replace("\"\"", "\"");
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    private String tsvText(int start, int end) {
        if (end - start == 2 && bytes[start] == '\\' && bytes[start + 1] == 'N') {
            return null;
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b == '\\' && i + 1 < end) {
                i++;
                b = switch (bytes[i]) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case '0' -> 0;
                    default -> bytes[i];
                };
            }
            text.write(b);
        }
        return text.toString(StandardCharsets.UTF_8);
    }
}
