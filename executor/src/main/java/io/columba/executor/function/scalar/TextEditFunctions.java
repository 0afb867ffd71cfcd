package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** format, initcap, translate, countSubstrings, normalizeUTF8* and toStringCutToZero. */
public final class TextEditFunctions {
    private TextEditFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> functions = new ArrayList<>(List.of(
                SimpleScalarFunction.of(
                        "format",
                        "The pattern with each {} replaced by the next argument and {n} by argument n (0-based), as"
                                + " text; {{ and }} stand for braces.",
                        "SELECT format('{} is {}', 'x', 42)",
                        TextEditFunctions::bindFormat),
                StringOperands.stringToString(
                        "initcap",
                        "Each word's first letter in upper case and the rest in lower case (ASCII letters; words are"
                                + " runs of letters and digits).",
                        "SELECT initcap('hello wORLD 2day')",
                        TextEditFunctions::initcap),
                SimpleScalarFunction.of(
                        "translate",
                        "Replaces each ASCII character of the second argument by the character at the same position"
                                + " of the third; characters past the third's end are removed.",
                        "SELECT translate('Hello, World!', 'delor', 'DELR')",
                        (types, args) -> {
                            StringOperands.expectStrings("translate", types, 3, 3, 0, 1, 2);
                            return new Binding(StringType.STRING, TextEditFunctions::translate);
                        }),
                countSubstrings("countSubstrings", false),
                countSubstrings("countSubstringsCaseInsensitive", true),
                StringOperands.stringToString(
                        "toStringCutToZero",
                        "The string up to its first zero byte.",
                        "SELECT toStringCutToZero('abc')",
                        (d, f, t, out) -> {
                            int end = f;
                            while (end < t && d[end] != 0) {
                                end++;
                            }
                            out.append(d, f, end - f);
                        })));
        for (Normalizer.Form form : Normalizer.Form.values()) {
            String name = "normalizeUTF8" + form.name();
            functions.add(StringOperands.stringToString(
                    name,
                    "The UTF-8 string in Unicode normalization form " + form.name() + ".",
                    "SELECT " + name + "('é')",
                    (d, f, t, out) ->
                            out.append(Normalizer.normalize(new String(d, f, t - f, StandardCharsets.UTF_8), form))));
        }
        return functions;
    }

    private static Binding bindFormat(List<DataType> types, List<io.columba.executor.expression.BoundExpression> args) {
        Operands.expectCount("format", types, 1, Integer.MAX_VALUE);
        if (!StringOperands.isString(types.get(0))) {
            throw Operands.illegalType("format", types.get(0), 1);
        }
        String pattern = ConversionFunctions.constantString("format", args.get(0));
        List<Object> pieces = parsePattern(pattern, types.size() - 1);
        return new Binding(StringType.STRING, (columns, rows) -> {
            Column[] texts = new Column[columns.length];
            for (int a = 1; a < columns.length; a++) {
                texts[a] = TypeConversion.cast(columns[a], types.get(a), StringType.STRING, rows);
            }
            StringColumnBuilder out = new StringColumnBuilder(rows);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                text.setLength(0);
                for (Object piece : pieces) {
                    if (piece instanceof Integer argument) {
                        text.append(StringOperands.text(texts[argument + 1], i));
                    } else {
                        text.append((String) piece);
                    }
                }
                out.append(text.toString());
            }
            return out.build();
        });
    }

    /** The pattern as literal Strings and Integer argument indexes (0-based, after the pattern). */
    private static List<Object> parsePattern(String pattern, int arguments) {
        List<Object> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int next = 0;
        boolean explicit = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < pattern.length() && pattern.charAt(i + 1) == c) {
                literal.append(c);
                i++;
                continue;
            }
            if (c == '}') {
                throw badPattern("Unmatched '}' in format string");
            }
            if (c != '{') {
                literal.append(c);
                continue;
            }
            int close = pattern.indexOf('}', i);
            if (close < 0) {
                throw badPattern("Unmatched '{' in format string");
            }
            String inside = pattern.substring(i + 1, close);
            int index;
            if (inside.isEmpty()) {
                index = next++;
            } else {
                try {
                    index = Integer.parseInt(inside);
                } catch (NumberFormatException e) {
                    throw badPattern("Not a number in curly braces at position " + i);
                }
                explicit = true;
            }
            if (explicit && next > 0) {
                throw badPattern("Cannot switch from automatic field numbering to manual field specification");
            }
            if (index < 0 || index >= arguments) {
                throw badPattern("Index " + index + " of format string is out of range: " + arguments + " arguments");
            }
            pieces.add(literal.toString());
            literal.setLength(0);
            pieces.add(index);
            i = close;
        }
        pieces.add(literal.toString());
        return pieces;
    }

    private static ColumbaException badPattern(String message) {
        return new ColumbaException(ErrorCode.BAD_ARGUMENTS, message);
    }

    private static void initcap(byte[] data, int from, int to, StringColumnBuilder out) {
        byte[] result = new byte[to - from];
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            byte c = data[i];
            boolean upper = c >= 'A' && c <= 'Z';
            boolean lower = c >= 'a' && c <= 'z';
            boolean digit = c >= '0' && c <= '9';
            if (upper || lower) {
                c = inWord ? (byte) (c | 0x20) : (byte) (c & ~0x20);
            }
            result[i - from] = c;
            inWord = upper || lower || digit;
        }
        out.append(result);
    }

    private static Column translate(Column[] columns, int rows) {
        StringColumn strings = StringOperands.strings(columns[0]);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        short[] map = null;
        String lastFrom = null;
        String lastTo = null;
        for (int i = 0; i < rows; i++) {
            String from = StringOperands.text(columns[1], i);
            String to = StringOperands.text(columns[2], i);
            if (!from.equals(lastFrom) || !to.equals(lastTo)) {
                lastFrom = from;
                lastTo = to;
                map = translation(from, to);
            }
            int row = StringOperands.row(columns[0], i);
            int begin = strings.offsets()[row];
            int end = strings.offsets()[row + 1];
            byte[] result = new byte[end - begin];
            int length = 0;
            for (int p = begin; p < end; p++) {
                byte c = strings.data()[p];
                short mapped = c >= 0 ? map[c] : c;
                if (mapped >= 0 || c < 0) {
                    result[length++] = c < 0 ? c : (byte) mapped;
                }
            }
            out.append(result, 0, length);
        }
        return out.build();
    }

    /** Per ASCII character: its replacement, or -1 to remove it. */
    private static short[] translation(String from, String to) {
        for (String text : new String[] {from, to}) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) >= 0x80) {
                    throw new ColumbaException(
                            ErrorCode.BAD_ARGUMENTS, "Second and third arguments of function translate must be ASCII");
                }
            }
        }
        short[] map = new short[128];
        boolean[] set = new boolean[128];
        for (short c = 0; c < 128; c++) {
            map[c] = c;
        }
        for (int i = 0; i < from.length(); i++) {
            char c = from.charAt(i);
            if (!set[c]) {
                set[c] = true;
                map[c] = i < to.length() ? (short) to.charAt(i) : -1;
            }
        }
        return map;
    }

    private static SimpleScalarFunction countSubstrings(String name, boolean ignoreCase) {
        return SimpleScalarFunction.of(
                name,
                "The number of non-overlapping occurrences of the needle in the string"
                        + (ignoreCase ? ", ignoring ASCII case" : "")
                        + "; an optional third argument is the 1-based byte position to start from.",
                "SELECT " + name + "('aaaa', 'aa')",
                (types, args) -> {
                    StringOperands.expectStrings(name, types, 2, 3, 0, 1);
                    if (types.size() == 3 && !(types.get(2) instanceof IntegerType)) {
                        throw Operands.illegalType(name, types.get(2), 3);
                    }
                    return new Binding(IntegerType.UINT64, (columns, rows) -> count(columns, rows, ignoreCase));
                });
    }

    private static Column count(Column[] columns, int rows, boolean ignoreCase) {
        StringColumn strings = StringOperands.strings(columns[0]);
        long[] out = new long[rows];
        byte[] needle = null;
        String lastNeedle = null;
        for (int i = 0; i < rows; i++) {
            String text = StringOperands.text(columns[1], i);
            if (!text.equals(lastNeedle)) {
                lastNeedle = text;
                needle = StringOperands.utf8(text);
            }
            if (needle.length == 0) {
                continue;
            }
            int row = StringOperands.row(columns[0], i);
            int begin = strings.offsets()[row];
            int end = strings.offsets()[row + 1];
            if (columns.length == 3) {
                Column plain = columns[2] instanceof ConstantColumn c ? c.value() : columns[2];
                long start = ((LongColumn) plain).get(plain == columns[2] ? i : 0);
                begin += (int) Math.min(Math.max(start - 1, 0), end - begin);
            }
            long count = 0;
            int found;
            while ((found = StringSearchFunctions.indexOf(
                            strings.data(), begin, end, needle, 0, needle.length, ignoreCase))
                    >= 0) {
                count++;
                begin = found + needle.length;
            }
            out[i] = count;
        }
        return new LongColumn(out, null, rows);
    }
}
