package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * simpleJSON* (visitParam*): the first {@code "name":} anywhere in the text, its value read without parsing the
 * document, as ClickHouse's fast JSON functions.
 */
public final class SimpleJsonFunctions {
    private SimpleJsonFunctions() {}

    private enum Kind {
        HAS,
        UINT,
        INT,
        FLOAT,
        BOOL,
        RAW,
        STRING
    }

    public static List<ScalarFunction> all() {
        return List.of(
                function("Has", Kind.HAS, IntegerType.UINT8, "1 when the field is present, else 0."),
                function(
                        "ExtractUInt",
                        Kind.UINT,
                        IntegerType.UINT64,
                        "The field's number as UInt64 (also from the " + "start of a string); 0 when absent."),
                function("ExtractInt", Kind.INT, IntegerType.INT64, "The field's number as Int64; 0 when absent."),
                function(
                        "ExtractFloat", Kind.FLOAT, FloatType.FLOAT64, "The field's number as Float64; 0 when absent."),
                function("ExtractBool", Kind.BOOL, IntegerType.UINT8, "1 when the field is true, else 0."),
                function("ExtractRaw", Kind.RAW, StringType.STRING, "The field's value as written, JSON included."),
                function(
                        "ExtractString",
                        Kind.STRING,
                        StringType.STRING,
                        "The field's string unescaped; '' when it is" + " not a valid string."));
    }

    private static SimpleScalarFunction function(String suffix, Kind kind, DataType result, String description) {
        String name = "simpleJSON" + suffix;
        return SimpleScalarFunction.of(
                        name, description, "SELECT " + name + "('{\"abc\":\"def\",\"n\":42}', 'n')", (types, args) -> {
                            StringOperands.expectStrings(name, types, 2, 2, 0, 1);
                            return new Binding(result, (columns, rows) -> extract(name, kind, result, columns, rows));
                        })
                .withAliases("visitParam" + suffix);
    }

    private static Column extract(String name, Kind kind, DataType result, Column[] columns, int rows) {
        byte[] needle = ("\"" + StringOperands.constant(name, columns[1], 2) + "\":").getBytes(StandardCharsets.UTF_8);
        StringColumn json = StringOperands.strings(columns[0]);
        StringColumnBuilder strings = result instanceof StringType ? new StringColumnBuilder(rows) : null;
        long[] longs = new long[rows];
        double[] doubles = new double[rows];
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            int to = json.offsets()[row + 1];
            int found = StringSearchFunctions.indexOf(
                    json.data(), json.offsets()[row], to, needle, 0, needle.length, false);
            int at = found < 0 ? -1 : found + needle.length;
            byte[] data = json.data();
            switch (kind) {
                case HAS -> longs[i] = at < 0 ? 0 : 1;
                case UINT, INT -> longs[i] = at < 0 ? 0 : integer(data, at, to, kind == Kind.INT);
                case FLOAT -> doubles[i] = at < 0 ? 0 : floating(data, at, to);
                case BOOL -> longs[i] = at >= 0 && startsWith(data, at, to, "true") ? 1 : 0;
                case RAW -> strings.append(data, at < 0 ? 0 : at, at < 0 ? 0 : rawEnd(data, at, to) - at);
                case STRING -> strings.append(at < 0 ? "" : string(data, at, to));
            }
        }
        if (strings != null) {
            return strings.build();
        }
        return kind == Kind.FLOAT ? new DoubleColumn(doubles, null, rows) : new LongColumn(longs, null, rows);
    }

    private static boolean startsWith(byte[] data, int at, int to, String prefix) {
        if (to - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long integer(byte[] data, int at, int to, boolean signed) {
        if (at < to && data[at] == '"') {
            at++;
        }
        boolean negative = false;
        if (at < to && (data[at] == '-' || data[at] == '+')) {
            negative = data[at] == '-';
            at++;
        }
        if (negative && !signed) {
            return 0;
        }
        long value = 0;
        while (at < to && data[at] >= '0' && data[at] <= '9') {
            value = value * 10 + (data[at++] - '0');
        }
        return negative ? -value : value;
    }

    private static double floating(byte[] data, int at, int to) {
        if (at < to && data[at] == '"') {
            at++;
        }
        int end = at;
        while (end < to && (Character.isDigit(data[end]) || "+-.eE".indexOf(data[end]) >= 0)) {
            end++;
        }
        while (end > at) {
            try {
                return Double.parseDouble(new String(data, at, end - at, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                end--;
            }
        }
        return 0;
    }

    /** The end of the value at {@code at}: a balanced run of brackets and strings up to ',', '}' or ']'. */
    private static int rawEnd(byte[] data, int at, int to) {
        int depth = 0;
        int pos = at;
        while (pos < to) {
            byte c = data[pos];
            if (c == '"') {
                pos++;
                while (pos < to && data[pos] != '"') {
                    pos += data[pos] == '\\' ? 2 : 1;
                }
                if (pos >= to) {
                    return at;
                }
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return pos;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return pos;
            }
            pos++;
        }
        return depth == 0 ? to : at;
    }

    private static String string(byte[] data, int at, int to) {
        if (at >= to || data[at] != '"') {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int pos = at + 1;
        int literal = pos;
        while (pos < to) {
            byte c = data[pos];
            if (c == '"') {
                out.append(new String(data, literal, pos - literal, StandardCharsets.UTF_8));
                return out.toString();
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            out.append(new String(data, literal, pos - literal, StandardCharsets.UTF_8));
            if (pos + 1 >= to) {
                return "";
            }
            byte escaped = data[pos + 1];
            pos += 2;
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case '0' -> out.append('\0');
                case 'u' -> {
                    if (pos + 4 > to) {
                        return "";
                    }
                    try {
                        out.append((char) Integer.parseInt(new String(data, pos, 4, StandardCharsets.US_ASCII), 16));
                    } catch (NumberFormatException e) {
                        return "";
                    }
                    pos += 4;
                }
                default -> out.append((char) escaped);
            }
            literal = pos;
        }
        return "";
    }
}
