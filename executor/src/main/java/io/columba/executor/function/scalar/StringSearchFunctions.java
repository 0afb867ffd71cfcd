package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.List;

/** Substring search and literal replacement: position, locate, replaceOne, replaceAll, startsWith, endsWith. */
public final class StringSearchFunctions {
    private StringSearchFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                position("position", false, false, false, "SELECT position('Hello, world!', 'o')")
                        .ignoringCase(),
                position("positionCaseInsensitive", true, false, false, "SELECT positionCaseInsensitive('ABC', 'b')"),
                position("positionUTF8", false, true, false, "SELECT positionUTF8('Привет, мир', 'мир')"),
                position("locate", false, false, true, "SELECT locate('o', 'Hello, world!')")
                        .ignoringCase(),
                replace(
                        "replaceOne",
                        true,
                        "The first occurrence of the needle replaced.",
                        "SELECT replaceOne('aaa', 'a', 'b')"),
                replace(
                                "replaceAll",
                                false,
                                "Every occurrence of the needle replaced.",
                                "SELECT replaceAll('aaa', 'a', 'b')")
                        .withAliases("replace"),
                affix("startsWith", true),
                affix("endsWith", false));
    }

    private static SimpleScalarFunction position(
            String name, boolean ignoreCase, boolean codePoints, boolean needleFirst, String example) {
        String description = "The 1-based " + (codePoints ? "code point" : "byte")
                + " position of the needle in the haystack" + (ignoreCase ? " ignoring ASCII case" : "")
                + ", from an optional start position; 0 when absent"
                + (needleFirst ? "; arguments (needle, haystack) as in ClickHouse 24.3+." : ".");
        return SimpleScalarFunction.of(name, description, example, (types, args) -> {
            StringOperands.expectStrings(name, types, 2, 3, 0, 1);
            if (types.size() == 3 && !(types.get(2) instanceof IntegerType)) {
                throw Operands.illegalType(name, types.get(2), 3);
            }
            return new Binding(IntegerType.UINT64, (columns, rows) -> {
                Column haystack = columns[needleFirst ? 1 : 0];
                Column needle = columns[needleFirst ? 0 : 1];
                long[] starts = types.size() == 3 ? Operands.longs(columns[2], rows) : null;
                return positions(haystack, needle, starts, rows, ignoreCase, codePoints);
            });
        });
    }

    private static Column positions(
            Column haystacks, Column needles, long[] starts, int rows, boolean ignoreCase, boolean codePoints) {
        StringColumn hay = StringOperands.strings(haystacks);
        StringColumn need = StringOperands.strings(needles);
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            int h = StringOperands.row(haystacks, i);
            int n = StringOperands.row(needles, i);
            int from = hay.offsets()[h];
            int to = hay.offsets()[h + 1];
            int startByte = from;
            if (starts != null) {
                long start = starts[i];
                if (start < 1) {
                    out[i] = 0;
                    continue;
                }
                startByte = codePoints
                        ? advanceCodePoints(hay.data(), from, to, start - 1)
                        : (int) Math.min(to + 1L, from + start - 1);
                if (startByte > to) {
                    out[i] = 0;
                    continue;
                }
            }
            int found = indexOf(
                    hay.data(), startByte, to, need.data(), need.offsets()[n], need.offsets()[n + 1], ignoreCase);
            if (found < 0) {
                out[i] = 0;
            } else {
                out[i] = 1 + (codePoints ? StringOperands.codePoints(hay.data(), from, found) : found - from);
            }
        }
        return new LongColumn(out, null, rows);
    }

    private static int advanceCodePoints(byte[] data, int from, int to, long count) {
        int at = from;
        for (long c = 0; c < count; c++) {
            if (at >= to) {
                return to + 1;
            }
            at++;
            while (at < to && (data[at] & 0xC0) == 0x80) {
                at++;
            }
        }
        return at;
    }

    /** The first byte index of needle in {@code data[from, to)}, or -1. */
    static int indexOf(byte[] data, int from, int to, byte[] needle, int needleFrom, int needleTo, boolean ignoreCase) {
        int length = needleTo - needleFrom;
        outer:
        for (int i = from; i + length <= to; i++) {
            for (int j = 0; j < length; j++) {
                byte a = data[i + j];
                byte b = needle[needleFrom + j];
                if (a != b && (!ignoreCase || lowerAscii(a) != lowerAscii(b))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte lowerAscii(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    private static SimpleScalarFunction replace(String name, boolean once, String description, String example) {
        return SimpleScalarFunction.of(name, description, example, (types, args) -> {
            StringOperands.expectStrings(name, types, 3, 3, 0, 1, 2);
            return new Binding(StringType.STRING, (columns, rows) -> replace(columns, rows, once));
        });
    }

    private static Column replace(Column[] columns, int rows, boolean once) {
        StringColumn hay = StringOperands.strings(columns[0]);
        StringColumn need = StringOperands.strings(columns[1]);
        StringColumn with = StringOperands.strings(columns[2]);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        ByteSink buffer = new ByteSink();
        for (int i = 0; i < rows; i++) {
            int h = StringOperands.row(columns[0], i);
            int n = StringOperands.row(columns[1], i);
            int w = StringOperands.row(columns[2], i);
            int needleFrom = need.offsets()[n];
            int needleTo = need.offsets()[n + 1];
            if (needleFrom == needleTo) {
                throw new ColumbaException(
                        ErrorCode.ARGUMENT_OUT_OF_BOUND,
                        "Length of the second argument of function replace must be greater than 0.");
            }
            int position = hay.offsets()[h];
            int to = hay.offsets()[h + 1];
            buffer.reset();
            while (position < to) {
                int found = indexOf(hay.data(), position, to, need.data(), needleFrom, needleTo, false);
                if (found < 0) {
                    break;
                }
                buffer.append(hay.data(), position, found - position);
                buffer.append(with.data(), with.offsets()[w], with.length(w));
                position = found + needleTo - needleFrom;
                if (once) {
                    break;
                }
            }
            buffer.append(hay.data(), position, to - position);
            out.append(buffer.bytes(), 0, buffer.length());
        }
        return out.build();
    }

    private static SimpleScalarFunction affix(String name, boolean prefix) {
        return SimpleScalarFunction.of(
                name,
                "1 when the string " + (prefix ? "starts" : "ends") + " with the other, else 0.",
                "SELECT " + name + "('ClickHouse', '" + (prefix ? "Click" : "House") + "')",
                (types, args) -> {
                    StringOperands.expectStrings(name, types, 2, 2, 0, 1);
                    return new Binding(IntegerType.UINT8, (columns, rows) -> affixes(columns, rows, prefix));
                });
    }

    private static Column affixes(Column[] columns, int rows, boolean prefix) {
        StringColumn text = StringOperands.strings(columns[0]);
        StringColumn affix = StringOperands.strings(columns[1]);
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            int t = StringOperands.row(columns[0], i);
            int a = StringOperands.row(columns[1], i);
            int length = affix.length(a);
            if (length > text.length(t)) {
                continue;
            }
            int from = prefix ? text.offsets()[t] : text.offsets()[t + 1] - length;
            out[i] = java.util.Arrays.equals(
                            text.data(), from, from + length, affix.data(), affix.offsets()[a], affix.offsets()[a + 1])
                    ? 1
                    : 0;
        }
        return new LongColumn(out, null, rows);
    }
}
