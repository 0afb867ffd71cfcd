package io.columba.executor.format;

import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.List;

/**
 * Splits the text of an array, map or tuple into the texts of its elements: ClickHouse's quoted form
 * ({@code ['a\'b',NULL]}, {@code (1,'x')}, {@code {'k':1}}) and JSON ({@code ["a"]}, {@code {"k":1}}). A quoted
 * string element is unquoted and unescaped; a nested array, tuple or map stays as its raw text for the element
 * type to read; {@code NULL}/{@code null} is a NULL element.
 */
public final class CompositeTextReader {
    private final String text;
    private int at;

    private CompositeTextReader(String text) {
        this.text = text;
    }

    /** The elements of {@code [..]} (or of {@code {..}} when {@code map}: keys and values in turn). */
    public static int readList(String text, char open, char close, StringColumnBuilder out, boolean map) {
        CompositeTextReader reader = new CompositeTextReader(text);
        reader.skipSpaces();
        reader.expect(open);
        int count = 0;
        reader.skipSpaces();
        if (reader.peek() == close) {
            reader.at++;
            reader.expectEnd();
            return 0;
        }
        while (true) {
            reader.element(out);
            if (map) {
                reader.skipSpaces();
                reader.expect(':');
                reader.element(out);
            }
            count++;
            reader.skipSpaces();
            char next = reader.peek();
            reader.at++;
            if (next == close) {
                reader.expectEnd();
                return count;
            }
            if (next != ',') {
                throw reader.error("expected ',' or '" + close + "'");
            }
        }
    }

    /** The names and values of a JSON object given for a named tuple, in the order written. */
    public static void readObject(String text, List<String> names, StringColumnBuilder values) {
        CompositeTextReader reader = new CompositeTextReader(text);
        reader.skipSpaces();
        reader.expect('{');
        reader.skipSpaces();
        if (reader.peek() == '}') {
            reader.at++;
            return;
        }
        while (true) {
            StringColumnBuilder key = new StringColumnBuilder(1);
            reader.element(key);
            names.add(((io.columba.storage.column.StringColumn) key.build()).getString(0));
            reader.skipSpaces();
            reader.expect(':');
            reader.element(values);
            reader.skipSpaces();
            char next = reader.peek();
            reader.at++;
            if (next == '}') {
                reader.expectEnd();
                return;
            }
            if (next != ',') {
                throw reader.error("expected ',' or '}'");
            }
        }
    }

    private void element(StringColumnBuilder out) {
        skipSpaces();
        char first = peek();
        switch (first) {
            case '\'', '"' -> out.append(quoted(first));
            case '[' -> out.append(nested('[', ']'));
            case '(' -> out.append(nested('(', ')'));
            case '{' -> out.append(nested('{', '}'));
            default -> {
                int start = at;
                while (at < text.length() && ",]):}".indexOf(text.charAt(at)) < 0) {
                    at++;
                }
                String bare = text.substring(start, at).strip();
                if (bare.isEmpty()) {
                    throw error("expected a value");
                }
                if (bare.equals("NULL") || bare.equals("null")) {
                    out.appendNull();
                } else {
                    out.append(bare);
                }
            }
        }
    }

    private String quoted(char quote) {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == quote) {
                if (quote == '\'' && at < text.length() && text.charAt(at) == '\'') {
                    value.append('\'');
                    at++;
                    continue;
                }
                return value.toString();
            }
            if (c == '\\' && at < text.length()) {
                at = unescape(value, at);
            } else {
                value.append(c);
            }
        }
        throw error("a quoted string is not closed");
    }

    /** Appends the character escaped at {@code text[from]} (after the backslash); returns where the escape ends. */
    private int unescape(StringBuilder value, int from) {
        char c = text.charAt(from);
        switch (c) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case '0' -> value.append('\0');
            case 'u' -> {
                if (from + 4 < text.length()) {
                    value.append((char) Integer.parseInt(text.substring(from + 1, from + 5), 16));
                    return from + 5;
                }
                value.append(c);
            }
            case 'x' -> {
                if (from + 2 < text.length()) {
                    value.append((char) Integer.parseInt(text.substring(from + 1, from + 3), 16));
                    return from + 3;
                }
                value.append(c);
            }
            default -> value.append(c);
        }
        return from + 1;
    }

    /** The raw text of a nested array, tuple or map, quotes respected. */
    private String nested(char open, char close) {
        int start = at;
        int depth = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\'' || c == '"') {
                quoted(c);
                continue;
            }
            if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if (c == ']' || c == ')' || c == '}') {
                depth--;
                if (depth == 0) {
                    at++;
                    return text.substring(start, at);
                }
            }
            at++;
        }
        throw error("'" + open + "' is not closed by '" + close + "'");
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("unexpected end of text");
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private void expectEnd() {
        skipSpaces();
        if (at < text.length()) {
            throw error("unexpected text after the value");
        }
    }

    private ColumbaException error(String what) {
        return new ColumbaException(
                ErrorCode.CANNOT_PARSE_INPUT_ASSERTION_FAILED,
                "Cannot parse input: " + what + " at position " + (at + 1) + " of the array, tuple or map '" + text
                        + "'");
    }
}
