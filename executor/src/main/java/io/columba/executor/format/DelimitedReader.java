package io.columba.executor.format;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV (double-quoted fields, {@code ""} escapes) or TabSeparated (backslash escapes) text into records;
 * {@code \N} becomes null.
 */
final class DelimitedReader {
    private final String data;
    private final char delimiter;
    private int at;

    DelimitedReader(String data, char delimiter) {
        this.data = data;
        this.delimiter = delimiter;
    }

    List<String> nextRecord() {
        while (at < data.length() && (data.charAt(at) == '\n' || data.charAt(at) == '\r')) {
            at++;
        }
        if (at >= data.length()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(delimiter == '\t' ? tabField() : csvField());
            if (at >= data.length()) {
                return fields;
            }
            char c = data.charAt(at);
            if (c == delimiter) {
                at++;
                continue;
            }
            if (c == '\r') {
                at++;
            }
            if (at < data.length() && data.charAt(at) == '\n') {
                at++;
            }
            return fields;
        }
    }

    private String csvField() {
        if (at < data.length() && data.charAt(at) == '"') {
            StringBuilder value = new StringBuilder();
            at++;
            while (true) {
                if (at >= data.length()) {
                    throw new ColumbaException(ErrorCode.INCORRECT_DATA, "Unterminated quoted CSV field");
                }
                char c = data.charAt(at++);
                if (c == '"') {
                    if (at < data.length() && data.charAt(at) == '"') {
                        value.append('"');
                        at++;
                        continue;
                    }
                    return value.toString();
                }
                value.append(c);
            }
        }
        int start = at;
        while (at < data.length()
                && data.charAt(at) != delimiter
                && data.charAt(at) != '\n'
                && data.charAt(at) != '\r') {
            at++;
        }
        String value = data.substring(start, at);
        return value.equals("\\N") ? null : value;
    }

    private String tabField() {
        StringBuilder value = new StringBuilder();
        int start = at;
        while (at < data.length()) {
            char c = data.charAt(at);
            if (c == '\t' || c == '\n') {
                break;
            }
            if (c == '\\' && at + 1 < data.length()) {
                char next = data.charAt(at + 1);
                at += 2;
                switch (next) {
                    case 't' -> value.append('\t');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case '0' -> value.append('\0');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'N' -> {
                        if (at - start == 2
                                && (at >= data.length() || data.charAt(at) == '\t' || data.charAt(at) == '\n')) {
                            return null;
                        }
                        value.append("\\N");
                    }
                    default -> value.append(next);
                }
                continue;
            }
            value.append(c);
            at++;
        }
        return value.toString();
    }
}
