package io.columba.workspace.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Python's {@code json.loads} for {@code JSON(x)}: objects become dicts, arrays lists, integers ints, other numbers
 * floats ({@code NaN} and {@code Infinity} included), with Python's error messages and positions in code points.
 */
final class PythonJson {
    /** Python stops at its recursion limit; a parameter nesting deeper than this is not data. */
    static final int MAX_DEPTH = 500;

    /** A JSON text Python would refuse; the message is Python's, position included. */
    static final class JsonError extends Exception {
        private static final long serialVersionUID = 1L;

        JsonError(String message) {
            super(message);
        }
    }

    private final int[] text;
    private int position;
    private int depth;

    private PythonJson(String text) {
        this.text = text.codePoints().toArray();
    }

    static Object parse(String text) throws JsonError {
        PythonJson parser = new PythonJson(text);
        parser.skipWhitespace();
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.position != parser.text.length) {
            throw parser.error("Extra data", parser.position);
        }
        return value;
    }

    private JsonError error(String message, int at) {
        int line = 1;
        int lastNewline = -1;
        for (int i = 0; i < at && i < text.length; i++) {
            if (text[i] == '\n') {
                line++;
                lastNewline = i;
            }
        }
        return new JsonError(message + ": line " + line + " column " + (at - lastNewline) + " (char " + at + ")");
    }

    private void skipWhitespace() {
        while (position < text.length
                && (text[position] == ' '
                        || text[position] == '\t'
                        || text[position] == '\n'
                        || text[position] == '\r')) {
            position++;
        }
    }

    private boolean startsWith(String word) {
        if (position + word.length() > text.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (text[position + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private Object value() throws JsonError {
        if (position >= text.length) {
            throw error("Expecting value", position);
        }
        int current = text[position];
        if (current == '{' || current == '[') {
            if (++depth > MAX_DEPTH) {
                throw new JsonError("maximum recursion depth exceeded while decoding a JSON "
                        + (current == '{' ? "object" : "array") + " from a unicode string");
            }
            Object nested = current == '{' ? object() : array();
            depth--;
            return nested;
        }
        if (current == '"') {
            return string();
        }
        for (String word : List.of("null", "true", "false", "NaN", "Infinity", "-Infinity")) {
            if (startsWith(word)) {
                position += word.length();
                return switch (word) {
                    case "null" -> null;
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    case "NaN" -> Double.NaN;
                    case "Infinity" -> Double.POSITIVE_INFINITY;
                    default -> Double.NEGATIVE_INFINITY;
                };
            }
        }
        return number();
    }

    private Object number() throws JsonError {
        int start = position;
        if (position < text.length && text[position] == '-') {
            position++;
        }
        if (position < text.length && text[position] == '0') {
            position++;
        } else if (position < text.length && text[position] >= '1' && text[position] <= '9') {
            skipDigits();
        } else {
            position = start;
            throw error("Expecting value", start);
        }
        boolean isFloat = false;
        if (position + 1 < text.length && text[position] == '.' && isDigit(text[position + 1])) {
            isFloat = true;
            position++;
            skipDigits();
        }
        if (position < text.length && (text[position] == 'e' || text[position] == 'E')) {
            int exponent = position + 1;
            if (exponent < text.length && (text[exponent] == '+' || text[exponent] == '-')) {
                exponent++;
            }
            if (exponent < text.length && isDigit(text[exponent])) {
                isFloat = true;
                position = exponent;
                skipDigits();
            }
        }
        String literal = new String(text, start, position - start);
        if (isFloat) {
            return Double.parseDouble(literal);
        }
        return PythonNumbers.checkSize(new BigInteger(literal), 0);
    }

    private void skipDigits() {
        while (position < text.length && isDigit(text[position])) {
            position++;
        }
    }

    private static boolean isDigit(int codePoint) {
        return codePoint >= '0' && codePoint <= '9';
    }

    private String string() throws JsonError {
        int start = position;
        position++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length) {
                throw error("Unterminated string starting at", start);
            }
            int current = text[position];
            if (current == '"') {
                position++;
                return value.toString();
            }
            if (current < 0x20) {
                throw error("Invalid control character at", position);
            }
            if (current == '\\') {
                escape(value);
            } else {
                value.appendCodePoint(current);
                position++;
            }
        }
    }

    private void escape(StringBuilder value) throws JsonError {
        int backslash = position;
        if (position + 1 >= text.length) {
            throw error("Unterminated string starting at", backslash);
        }
        int escaped = text[position + 1];
        position += 2;
        switch (escaped) {
            case '"', '\\', '/' -> value.appendCodePoint(escaped);
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'u' -> value.append((char) hexQuad(backslash));
            default -> throw error("Invalid \\escape", backslash);
        }
    }

    private int hexQuad(int backslash) throws JsonError {
        if (position + 4 > text.length) {
            throw error("Invalid \\uXXXX escape", backslash + 1);
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text[position + i], 16);
            if (digit < 0 || text[position + i] > 'f') {
                throw error("Invalid \\uXXXX escape", backslash + 1);
            }
            code = code * 16 + digit;
        }
        position += 4;
        return code;
    }

    private Object array() throws JsonError {
        position++;
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (position < text.length && text[position] == ']') {
            position++;
            return PythonValues.list(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value());
            skipWhitespace();
            if (position < text.length && text[position] == ']') {
                position++;
                return PythonValues.list(items);
            }
            if (position >= text.length || text[position] != ',') {
                throw error("Expecting ',' delimiter", position);
            }
            position++;
        }
    }

    private Object object() throws JsonError {
        position++;
        LinkedHashMap<Object, Object> entries = new LinkedHashMap<>();
        skipWhitespace();
        if (position < text.length && text[position] == '}') {
            position++;
            return PythonValues.dict(entries);
        }
        while (true) {
            skipWhitespace();
            if (position >= text.length || text[position] != '"') {
                throw error("Expecting property name enclosed in double quotes", position);
            }
            String key = string();
            skipWhitespace();
            if (position >= text.length || text[position] != ':') {
                throw error("Expecting ':' delimiter", position);
            }
            position++;
            skipWhitespace();
            entries.put(key, value());
            skipWhitespace();
            if (position < text.length && text[position] == '}') {
                position++;
                return PythonValues.dict(entries);
            }
            if (position >= text.length || text[position] != ',') {
                throw error("Expecting ',' delimiter", position);
            }
            position++;
        }
    }
}
