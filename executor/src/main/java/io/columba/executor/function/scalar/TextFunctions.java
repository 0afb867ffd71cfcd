package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Pieces and shapes of strings: substring, left, right, trim, pad, reverse, repeat, UTF-8 length and case. */
public final class TextFunctions {
    private TextFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                substring("substring", false, "SELECT substring('ClickHouse', 6, 5)")
                        .withAliases("substr", "mid")
                        .ignoringCase(),
                substring("substringUTF8", true, "SELECT substringUTF8('Привет, мир', 9, 3)"),
                side("left", true, false),
                side("right", false, false),
                side("leftUTF8", true, true),
                side("rightUTF8", false, true),
                trim("trimLeft", true, false).withAliases("ltrim").ignoringCase(),
                trim("trimRight", false, true).withAliases("rtrim").ignoringCase(),
                trim("trimBoth", true, true).withAliases("trim").ignoringCase(),
                SimpleScalarFunction.of(
                        "reverse", "The string's bytes in reverse order.", "SELECT reverse('abc')", (types, args) -> {
                            StringOperands.expectStrings("reverse", types, 1, 1, 0);
                            return new Binding(StringType.STRING, StringOperands.mapping((data, from, to, out) -> {
                                byte[] reversed = new byte[to - from];
                                for (int i = 0; i < reversed.length; i++) {
                                    reversed[i] = data[to - 1 - i];
                                }
                                out.append(reversed);
                            }));
                        }),
                SimpleScalarFunction.of(
                        "reverseUTF8",
                        "The string's code points in reverse order.",
                        "SELECT reverseUTF8('привет')",
                        (types, args) -> {
                            StringOperands.expectStrings("reverseUTF8", types, 1, 1, 0);
                            return new Binding(StringType.STRING, StringOperands.mapping(TextFunctions::reverseUtf8));
                        }),
                SimpleScalarFunction.of(
                        "repeat", "The string repeated n times.", "SELECT repeat('ab', 3)", (types, args) -> {
                            StringOperands.expectStrings("repeat", types, 2, 2, 0);
                            expectInteger("repeat", types, 1);
                            return new Binding(StringType.STRING, TextFunctions::repeat);
                        }),
                SimpleScalarFunction.of(
                                "lengthUTF8",
                                "The number of Unicode code points of a UTF-8 string.",
                                "SELECT lengthUTF8('привет')",
                                (types, args) -> {
                                    StringOperands.expectStrings("lengthUTF8", types, 1, 1, 0);
                                    return new Binding(
                                            IntegerType.UINT64, StringOperands.measuring(StringOperands::codePoints));
                                })
                        .withAliases("char_length", "CHAR_LENGTH", "character_length", "CHARACTER_LENGTH"),
                caseUtf8("lowerUTF8", true),
                caseUtf8("upperUTF8", false),
                pad("leftPad", true).withAliases("lpad").ignoringCase(),
                pad("rightPad", false).withAliases("rpad").ignoringCase(),
                pad("leftPadUTF8", true),
                pad("rightPadUTF8", false));
    }

    private static void expectInteger(String name, List<DataType> types, int position) {
        if (position < types.size() && !(types.get(position) instanceof IntegerType)) {
            throw Operands.illegalType(name, types.get(position), position + 1);
        }
    }

    private static SimpleScalarFunction substring(String name, boolean utf8, String example) {
        String unit = utf8 ? "code points" : "bytes";
        return SimpleScalarFunction.of(
                name,
                "The part of a string from a 1-based offset (negative: from the end), of an optional length in " + unit
                        + " (negative: all but that many at the end).",
                example,
                (types, args) -> {
                    StringOperands.expectStrings(name, types, 2, 3, 0);
                    expectInteger(name, types, 1);
                    expectInteger(name, types, 2);
                    boolean hasLength = types.size() == 3;
                    return new Binding(StringType.STRING, (columns, rows) -> {
                        long[] offsets = Operands.longs(columns[1], rows);
                        long[] lengths = hasLength ? Operands.longs(columns[2], rows) : null;
                        return substrings(columns[0], offsets, lengths, rows, utf8);
                    });
                });
    }

    private static Column substrings(Column input, long[] starts, long[] lengths, int rows, boolean utf8) {
        StringColumn in = StringOperands.strings(input);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        byte[] data = in.data();
        int[] boundaries = new int[16];
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(input, i);
            int from = in.offsets()[row];
            int to = in.offsets()[row + 1];
            int count = utf8 ? (int) StringOperands.codePoints(data, from, to) : to - from;
            long[] range = range(count, starts[i], lengths == null ? Long.MAX_VALUE : lengths[i]);
            if (!utf8) {
                out.append(data, from + (int) range[0], (int) (range[1] - range[0]));
                continue;
            }
            if (boundaries.length < count + 1) {
                boundaries = new int[count + 1];
            }
            int at = 0;
            for (int b = from; b < to; b++) {
                if ((data[b] & 0xC0) != 0x80) {
                    boundaries[at++] = b;
                }
            }
            boundaries[count] = to;
            int start = boundaries[(int) range[0]];
            out.append(data, start, boundaries[(int) range[1]] - start);
        }
        return out.build();
    }

    /** The [begin, end) units of a substring of a value with {@code count} units, as ClickHouse clamps them. */
    static long[] range(long count, long offset, long length) {
        if (offset == 0) {
            return new long[] {0, 0};
        }
        // A negative offset may start before the value; a length then counts from there, as ClickHouse slices.
        long begin = offset > 0 ? Math.min(count, offset - 1) : count + offset;
        long end;
        if (length == Long.MAX_VALUE) {
            end = count;
        } else if (length >= 0) {
            end = Math.min(count, begin + length);
        } else {
            end = count + length;
        }
        begin = Math.max(0, begin);
        return new long[] {begin, Math.max(begin, end)};
    }

    private static SimpleScalarFunction side(String name, boolean left, boolean utf8) {
        String unit = utf8 ? "code points" : "bytes";
        return SimpleScalarFunction.of(
                name,
                "The " + (left ? "first" : "last") + " n " + unit
                        + " of a string; a negative n drops that many from the " + (left ? "end" : "start") + ".",
                "SELECT " + name + "('Hello', 3)",
                (types, args) -> {
                    StringOperands.expectStrings(name, types, 2, 2, 0);
                    expectInteger(name, types, 1);
                    return new Binding(StringType.STRING, (columns, rows) -> {
                        long[] n = Operands.longs(columns[1], rows);
                        long[] starts = new long[rows];
                        long[] lengths = new long[rows];
                        for (int i = 0; i < rows; i++) {
                            if (left) {
                                starts[i] = 1;
                                lengths[i] = n[i];
                            } else {
                                starts[i] = n[i] >= 0 ? (n[i] == 0 ? Long.MAX_VALUE : -n[i]) : 1 - n[i];
                                lengths[i] = Long.MAX_VALUE;
                            }
                        }
                        return substrings(columns[0], starts, left ? lengths : null, rows, utf8);
                    });
                });
    }

    private static SimpleScalarFunction trim(String name, boolean leading, boolean trailing) {
        return SimpleScalarFunction.of(
                name,
                "The string without "
                        + (leading && trailing ? "leading and trailing" : leading ? "leading" : "trailing")
                        + " spaces, or without the bytes of its optional second argument (a constant string),"
                        + " as trim(BOTH|LEADING|TRAILING 'x' FROM s) writes it.",
                "SELECT " + name + "('  abc  '), " + name + "('xxabcxx', 'x')",
                (types, args) -> {
                    StringOperands.expectStrings(name, types, 1, 2, 0);
                    boolean[] trimmed = new boolean[256];
                    if (types.size() == 2) {
                        for (byte b : ConversionFunctions.constantString(name, args.get(1))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                            trimmed[b & 0xFF] = true;
                        }
                    } else {
                        trimmed[' '] = true;
                    }
                    return new Binding(StringType.STRING, StringOperands.mapping((data, from, to, out) -> {
                        while (leading && from < to && trimmed[data[from] & 0xFF]) {
                            from++;
                        }
                        while (trailing && to > from && trimmed[data[to - 1] & 0xFF]) {
                            to--;
                        }
                        out.append(data, from, to - from);
                    }));
                });
    }

    private static void reverseUtf8(byte[] data, int from, int to, StringColumnBuilder out) {
        byte[] reversed = new byte[to - from];
        int at = reversed.length;
        int i = from;
        while (i < to) {
            int end = i + 1;
            while (end < to && (data[end] & 0xC0) == 0x80) {
                end++;
            }
            at -= end - i;
            System.arraycopy(data, i, reversed, at, end - i);
            i = end;
        }
        out.append(reversed);
    }

    private static Column repeat(Column[] columns, int rows) {
        StringColumn in = StringOperands.strings(columns[0]);
        long[] times = Operands.longs(columns[1], rows);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        ByteSink buffer = new ByteSink();
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            buffer.reset();
            for (long t = 0; t < times[i]; t++) {
                buffer.append(in.data(), in.offsets()[row], in.length(row));
            }
            out.append(buffer.bytes(), 0, buffer.length());
        }
        return out.build();
    }

    private static SimpleScalarFunction caseUtf8(String name, boolean lower) {
        return SimpleScalarFunction.of(
                name,
                "A UTF-8 string in " + (lower ? "lower" : "upper") + " case, code point by code point.",
                "SELECT " + name + "('Привет')",
                (types, args) -> {
                    StringOperands.expectStrings(name, types, 1, 1, 0);
                    return new Binding(StringType.STRING, StringOperands.mapping((data, from, to, out) -> {
                        String text = new String(data, from, to - from, StandardCharsets.UTF_8);
                        out.append(lower ? text.toLowerCase(Locale.ROOT) : text.toUpperCase(Locale.ROOT));
                    }));
                });
    }

    private static SimpleScalarFunction pad(String name, boolean left) {
        boolean utf8 = name.endsWith("UTF8");
        return SimpleScalarFunction.of(
                name,
                "The string padded on the " + (left ? "left" : "right") + " to a length in "
                        + (utf8 ? "code points" : "bytes") + " with a fill string (default space), or cut to it.",
                "SELECT " + name + "('abc', 7, '*')",
                (types, args) -> {
                    StringOperands.expectStrings(name, types, 2, 3, 0, 2);
                    expectInteger(name, types, 1);
                    return new Binding(StringType.STRING, (columns, rows) -> pad(columns, rows, left, utf8));
                });
    }

    private static Column pad(Column[] columns, int rows, boolean left, boolean utf8) {
        long[] lengths = Operands.longs(columns[1], rows);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        for (int i = 0; i < rows; i++) {
            String text = StringOperands.text(columns[0], i);
            String fill = columns.length > 2 ? StringOperands.text(columns[2], i) : " ";
            int[] points = utf8 ? text.codePoints().toArray() : null;
            byte[] bytes = StringOperands.utf8(text);
            long have = utf8 ? points.length : bytes.length;
            long want = lengths[i];
            if (want <= have) {
                if (utf8) {
                    out.append(new String(points, 0, (int) Math.max(0, want)));
                } else {
                    out.append(bytes, 0, (int) Math.max(0, want));
                }
                continue;
            }
            int[] fillPoints = utf8 ? fill.codePoints().toArray() : null;
            byte[] fillBytes = StringOperands.utf8(fill);
            int fillLength = utf8 ? fillPoints.length : fillBytes.length;
            if (fillLength == 0) {
                out.append(bytes);
                continue;
            }
            ByteSink padding = new ByteSink();
            for (long k = 0; k < want - have; k++) {
                int at = (int) (k % fillLength);
                if (utf8) {
                    padding.append(StringOperands.utf8(new String(fillPoints, at, 1)));
                } else {
                    padding.append(fillBytes[at]);
                }
            }
            ByteSink result = new ByteSink();
            if (left) {
                result.append(padding.bytes(), 0, padding.length());
            }
            result.append(bytes);
            if (!left) {
                result.append(padding.bytes(), 0, padding.length());
            }
            out.append(result.bytes(), 0, result.length());
        }
        return out.build();
    }
}
