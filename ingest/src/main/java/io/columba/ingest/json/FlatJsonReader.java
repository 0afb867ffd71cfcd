package io.columba.ingest.json;

import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.StringType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fastest road of the common Events API body: NDJSON of flat objects (one per line; strings, integers of up to
 * 18 digits, decimals without exponent, booleans and nulls) into columns whose JSONPaths are all a single field,
 * read straight from the bytes into each column's {@link ColumnSink} (the value each value's text, {@link
 * JsonValues#text}, converts to), with no parser objects, tokens, nodes or strings. Anything else (a nested value, a {@code \}u escape, an exponent, a long number, a line
 * that is not one object, any JSON error) answers null, for {@link FieldSelector} or the tree to handle; so the
 * result is always the one those roads give.
 */
final class FlatJsonReader {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MAX_INTEGER_DIGITS = 18;
    private static final int MAX_NUMBER_LENGTH = 100;

    private final byte[] body;
    private final byte[][] names;
    private final boolean[] boolAsWord;
    private final FieldValues values;
    private byte[] unescaped = new byte[64];
    private int at;
    private int row;

    private FlatJsonReader(byte[] body, List<IngestColumn> columns, int maxRows) {
        this.body = body;
        this.names = new byte[columns.size()][];
        this.boolAsWord = new boolean[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            names[c] = columns.get(c).path().steps().get(0).getBytes(StandardCharsets.UTF_8);
            DataType target = columns.get(c).type().withoutLowCardinality().withoutNullable();
            boolAsWord[c] = target instanceof BoolType || target instanceof StringType;
        }
        this.values = new FieldValues(columns, maxRows, body);
    }

    /** The values of each row, or null when this road does not apply to {@code body}. */
    static FieldValues read(byte[] body, List<IngestColumn> columns) {
        for (int c = 0; c < columns.size(); c++) {
            List<String> steps = columns.get(c).path().steps();
            if (steps.size() != 1 || steps.get(0).equals(JsonPath.EACH)) {
                return null;
            }
            for (int other = 0; other < c; other++) {
                if (columns.get(other).path().steps().get(0).equals(steps.get(0))) {
                    return null;
                }
            }
        }
        FlatJsonReader reader = new FlatJsonReader(body, columns, 1 + lineFeeds(body));
        return reader.readRows() && reader.row > 0 ? reader.values.withRows(reader.row) : null;
    }

    /** How many line feeds {@code body} holds, counted eight bytes at a time. */
    static int lineFeeds(byte[] body) {
        int count = 0;
        int i = 0;
        for (; i + Long.BYTES <= body.length; i += Long.BYTES) {
            long feeds = (long) LONGS.get(body, i) ^ 0x0A0A0A0A0A0A0A0AL;
            // Exactly the zero bytes of feeds get their high bit set.
            long zeros = ~(((feeds & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | feeds | 0x7F7F7F7F7F7F7F7FL);
            count += Long.bitCount(zeros);
        }
        for (; i < body.length; i++) {
            if (body[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    private boolean readRows() {
        while (at < body.length) {
            skipSpaces();
            if (at >= body.length) {
                return true;
            }
            if (body[at] == '\n') {
                at++;
                continue;
            }
            if (body[at] != '{' || !readObject()) {
                return false;
            }
            skipSpaces();
            if (at < body.length && body[at] != '\n') {
                return false;
            }
            row++;
        }
        return true;
    }

    /** Spaces and tabs, and a carriage return only right before a line feed (Jackson counts a lone one as a line). */
    private void skipSpaces() {
        while (at < body.length) {
            byte b = body[at];
            if (b == ' ' || b == '\t' || (b == '\r' && at + 1 < body.length && body[at + 1] == '\n')) {
                at++;
            } else {
                return;
            }
        }
    }

    private boolean readObject() {
        at++;
        skipSpaces();
        if (at < body.length && body[at] == '}') {
            at++;
            return true;
        }
        int hint = 0;
        while (true) {
            if (at >= body.length || body[at] != '"') {
                return false;
            }
            int nameStart = at + 1;
            int nameEnd = plainStringEnd(nameStart);
            if (nameEnd < 0) {
                return false;
            }
            at = nameEnd + 1;
            skipSpaces();
            if (at >= body.length || body[at] != ':') {
                return false;
            }
            at++;
            skipSpaces();
            int column = column(nameStart, nameEnd, hint);
            if (!readValue(column)) {
                return false;
            }
            hint = column + 1;
            skipSpaces();
            if (at >= body.length) {
                return false;
            }
            if (body[at] == '}') {
                at++;
                return true;
            }
            if (body[at] != ',') {
                return false;
            }
            at++;
            skipSpaces();
        }
    }

    /** The column named by {@code body[from, to)}, trying {@code hint} first (fields usually come in order); -1: none. */
    private int column(int from, int to, int hint) {
        for (int i = 0; i < names.length; i++) {
            int c = hint + i < names.length ? hint + i : hint + i - names.length;
            if (named(names[c], from, to)) {
                return c;
            }
        }
        return -1;
    }

    /** Whether {@code body[from, to)} is {@code name} (a plain loop: names are short). */
    private boolean named(byte[] name, int from, int to) {
        if (name.length != to - from) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (name[i] != body[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** The closing quote of a string starting at {@code from} with no escape or control byte; -1 otherwise. */
    private int plainStringEnd(int from) {
        int i = from;
        // Eight bytes at a time while none is a quote, a backslash or a control byte.
        while (i + Long.BYTES <= body.length) {
            long word = (long) LONGS.get(body, i);
            long quote = word ^ 0x2222222222222222L;
            long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
            long special = ((quote - 0x0101010101010101L) & ~quote)
                    | ((backslash - 0x0101010101010101L) & ~backslash)
                    | ((word - 0x2020202020202020L) & ~word);
            if ((special & 0x8080808080808080L) != 0) {
                break;
            }
            i += Long.BYTES;
        }
        for (; i < body.length; i++) {
            byte b = body[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                return -1;
            }
        }
        return -1;
    }

    /** Reads a scalar value into {@code column} (-1: a field no column reads, checked and dropped). */
    private boolean readValue(int column) {
        if (at >= body.length) {
            return false;
        }
        byte first = body[at];
        if (first == '"') {
            return readString(column);
        }
        if (first == '-' || (first >= '0' && first <= '9')) {
            return readNumber(column);
        }
        if (literal("true")) {
            return setText(column, boolAsWord(column) ? "true" : "1");
        }
        if (literal("false")) {
            return setText(column, boolAsWord(column) ? "false" : "0");
        }
        if (literal("null")) {
            if (column >= 0) {
                values.setNull(column, row);
            }
            return true;
        }
        return false;
    }

    private boolean boolAsWord(int column) {
        return column >= 0 && boolAsWord[column];
    }

    private boolean setText(int column, String text) {
        if (column >= 0) {
            values.text(column, row, text);
        }
        return true;
    }

    private boolean literal(String word) {
        int end = at + word.length();
        if (end > body.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (body[at + i] != word.charAt(i)) {
                return false;
            }
        }
        if (end < body.length && !delimiter(body[end])) {
            return false;
        }
        at = end;
        return true;
    }

    private static boolean delimiter(byte b) {
        return b == ',' || b == '}' || b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private boolean readString(int column) {
        int from = at + 1;
        int end = plainStringEnd(from);
        if (end >= 0) {
            at = end + 1;
            if (column >= 0) {
                values.string(column, row, body, from, end);
            }
            return true;
        }
        int length = 0;
        for (int i = from; i < body.length; i++) {
            byte b = body[i];
            if (b == '"') {
                at = i + 1;
                if (column >= 0) {
                    values.string(column, row, unescaped, 0, length);
                }
                return true;
            }
            if (b >= 0 && b < 0x20) {
                return false;
            }
            if (b == '\\') {
                if (++i >= body.length) {
                    return false;
                }
                b = switch (body[i]) {
                    case '"' -> '"';
                    case '\\' -> '\\';
                    case '/' -> '/';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> -1; // \\u and invalid escapes: not this road
                };
                if (b == -1) {
                    return false;
                }
            }
            if (length == unescaped.length) {
                unescaped = java.util.Arrays.copyOf(unescaped, length * 2);
            }
            unescaped[length++] = b;
        }
        return false;
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}: an integer as written, a decimal as Jackson's exact node prints it. */
    private boolean readNumber(int column) {
        int from = at;
        int i = body[at] == '-' ? at + 1 : at;
        int digitsFrom = i;
        while (i < body.length && body[i] >= '0' && body[i] <= '9') {
            i++;
        }
        int integerDigits = i - digitsFrom;
        if (integerDigits == 0 || (integerDigits > 1 && body[digitsFrom] == '0')) {
            return false;
        }
        boolean decimal = i < body.length && body[i] == '.';
        if (decimal) {
            int fractionFrom = ++i;
            while (i < body.length && body[i] >= '0' && body[i] <= '9') {
                i++;
            }
            if (i == fractionFrom) {
                return false;
            }
        }
        if ((i < body.length && !delimiter(body[i])) || i - from > MAX_NUMBER_LENGTH) {
            return false;
        }
        if (!decimal && integerDigits > MAX_INTEGER_DIGITS) {
            return false;
        }
        at = i;
        if (column >= 0) {
            values.number(column, row, body, from, i);
        }
        return true;
    }
}
