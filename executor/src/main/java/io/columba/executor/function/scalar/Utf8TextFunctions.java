package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The UTF-8 forms of initcap, translate and countSubstringsCaseInsensitive: they work on code points. */
public final class Utf8TextFunctions {
    private Utf8TextFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                StringOperands.stringToString(
                        "initcapUTF8",
                        "Each word's first letter in upper case and the rest in lower case; words are runs of Unicode"
                                + " letters and digits.",
                        "SELECT initcapUTF8('élan vital')",
                        (d, f, t, out) -> out.append(initcap(new String(d, f, t - f, StandardCharsets.UTF_8)))),
                SimpleScalarFunction.of(
                        "translateUTF8",
                        "Replaces each code point of the second argument by the code point at the same position of the"
                                + " third; code points past the third's end are removed.",
                        "SELECT translateUTF8('café', 'é', 'e')",
                        (types, args) -> {
                            StringOperands.expectStrings("translateUTF8", types, 3, 3, 0, 1, 2);
                            return new Binding(StringType.STRING, Utf8TextFunctions::translate);
                        }),
                SimpleScalarFunction.of(
                        "countSubstringsCaseInsensitiveUTF8",
                        "The number of non-overlapping occurrences of the needle, ignoring the case of any letter; an"
                                + " optional third argument is the 1-based code point to start from.",
                        "SELECT countSubstringsCaseInsensitiveUTF8('ÀbÀB', 'àb')",
                        (types, args) -> {
                            StringOperands.expectStrings("countSubstringsCaseInsensitiveUTF8", types, 2, 3, 0, 1);
                            if (types.size() == 3 && !(types.get(2) instanceof IntegerType)) {
                                throw Operands.illegalType("countSubstringsCaseInsensitiveUTF8", types.get(2), 3);
                            }
                            return new Binding(IntegerType.UINT64, Utf8TextFunctions::count);
                        }));
    }

    private static String initcap(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean letter = Character.isLetter(c);
            if (letter) {
                c = inWord ? Character.toLowerCase(c) : Character.toUpperCase(c);
            }
            out.appendCodePoint(c);
            inWord = letter || Character.isDigit(c);
        }
        return out.toString();
    }

    private static Column translate(Column[] columns, int rows) {
        StringColumnBuilder out = new StringColumnBuilder(rows);
        Map<Integer, Integer> map = null;
        String lastFrom = null;
        String lastTo = null;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            String from = StringOperands.text(columns[1], i);
            String to = StringOperands.text(columns[2], i);
            if (!from.equals(lastFrom) || !to.equals(lastTo)) {
                lastFrom = from;
                lastTo = to;
                map = new HashMap<>();
                int[] targets = to.codePoints().toArray();
                int[] sources = from.codePoints().toArray();
                for (int k = 0; k < sources.length; k++) {
                    map.putIfAbsent(sources[k], k < targets.length ? targets[k] : -1);
                }
            }
            text.setLength(0);
            String value = StringOperands.text(columns[0], i);
            for (int p = 0; p < value.length(); ) {
                int c = value.codePointAt(p);
                p += Character.charCount(c);
                int mapped = map.getOrDefault(c, c);
                if (mapped >= 0) {
                    text.appendCodePoint(mapped);
                }
            }
            out.append(text.toString());
        }
        return out.build();
    }

    private static Column count(Column[] columns, int rows) {
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            String needle = StringOperands.text(columns[1], i).toLowerCase(Locale.ROOT);
            String haystack = StringOperands.text(columns[0], i).toLowerCase(Locale.ROOT);
            if (needle.isEmpty()) {
                continue;
            }
            int at = 0;
            if (columns.length == 3) {
                Column plain = columns[2] instanceof ConstantColumn c ? c.value() : columns[2];
                long start = ((LongColumn) plain).get(plain == columns[2] ? i : 0);
                long points = Math.min(Math.max(start - 1, 0), haystack.codePointCount(0, haystack.length()));
                at = haystack.offsetByCodePoints(0, (int) points);
            }
            long count = 0;
            while ((at = haystack.indexOf(needle, at)) >= 0) {
                count++;
                at += needle.length();
            }
            out[i] = count;
        }
        return new LongColumn(out, null, rows);
    }
}
