package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumnBuilder;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.List;

/**
 * Regular expressions with RE2 semantics (re2j), as ClickHouse: match, extract, extractAll, replaceRegexpOne,
 * replaceRegexpAll (REGEXP_REPLACE). A constant pattern compiles once per block; {@code .} matches a newline.
 */
public final class RegexpFunctions {
    private RegexpFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                        "match",
                        "1 when the string contains a match of the RE2 regular expression, else 0.",
                        "SELECT match('ClickHouse', '^Click')",
                        (types, args) -> {
                            StringOperands.expectStrings("match", types, 2, 2, 0, 1);
                            return new Binding(IntegerType.UINT8, RegexpFunctions::match);
                        }),
                SimpleScalarFunction.of(
                        "extract",
                        "The first match of the regular expression (its first group when it has one), or ''.",
                        "SELECT extract('key=value', '=(\\\\w+)')",
                        (types, args) -> {
                            StringOperands.expectStrings("extract", types, 2, 2, 0, 1);
                            return new Binding(StringType.STRING, RegexpFunctions::extract);
                        }),
                SimpleScalarFunction.of(
                        "extractAll",
                        "Every non-overlapping match (or its first group), until a match is empty.",
                        "SELECT extractAll('a1b22c333', '\\\\d+')",
                        (types, args) -> {
                            StringOperands.expectStrings("extractAll", types, 2, 2, 0, 1);
                            return new Binding(new ArrayType(StringType.STRING), RegexpFunctions::extractAll);
                        }),
                replace(
                        "replaceRegexpOne",
                        true,
                        "The first match replaced; \\\\0-\\\\9 in the replacement insert groups.",
                        "SELECT replaceRegexpOne('2024-03-14', '(\\\\d+)-(\\\\d+)-(\\\\d+)', '\\\\3/\\\\2/\\\\1')"),
                replace(
                        "replaceRegexpAll",
                        false,
                        "Every match replaced; \\\\0-\\\\9 in the replacement insert groups; stops after an empty match.",
                        "SELECT replaceRegexpAll('a-b-c', '-', '+')"),
                replace(
                                "REGEXP_REPLACE",
                                false,
                                "Same as replaceRegexpAll.",
                                "SELECT REGEXP_REPLACE('https://www.site.com/a', '^https?://(?:www\\\\.)?([^/]+)/.*$', '\\\\1')")
                        .ignoringCase());
    }

    private static SimpleScalarFunction replace(String name, boolean once, String description, String example) {
        return SimpleScalarFunction.of(name, description, example, (types, args) -> {
            StringOperands.expectStrings(name, types, 3, 3, 0, 1, 2);
            return new Binding(StringType.STRING, (columns, rows) -> replace(columns, rows, once));
        });
    }

    /** Compiles an RE2 pattern as ClickHouse does: {@code .} also matches a newline. */
    public static CompiledRegex compile(String pattern) {
        return CompiledRegex.compile(pattern);
    }

    /** The patterns of a block: compiled once when constant, else once per distinct consecutive value. */
    private static final class Patterns {
        private final Column column;
        private final StringColumn values;
        private String lastText;
        private CompiledRegex.Matcher last;
        private int groups;

        Patterns(Column column) {
            this.column = column;
            this.values = StringOperands.strings(column);
        }

        CompiledRegex.Matcher at(int row) {
            String text = values.getString(StringOperands.row(column, row));
            if (!text.equals(lastText)) {
                CompiledRegex regex = compile(text);
                last = regex.matcher();
                groups = regex.groupCount();
                lastText = text;
            }
            return last;
        }

        int groups() {
            return groups;
        }

        String text() {
            return lastText;
        }
    }

    private static Column match(Column[] columns, int rows) {
        StringColumn values = StringOperands.strings(columns[0]);
        Patterns patterns = new Patterns(columns[1]);
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            CompiledRegex.Matcher matcher = patterns.at(i);
            matcher.reset(values.data(), values.offsets()[row], values.offsets()[row + 1]);
            out[i] = matcher.find(0) ? 1 : 0;
        }
        return new LongColumn(out, null, rows);
    }

    private static Column extract(Column[] columns, int rows) {
        StringColumn values = StringOperands.strings(columns[0]);
        Patterns patterns = new Patterns(columns[1]);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        byte[] data = values.data();
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            CompiledRegex.Matcher matcher = patterns.at(i);
            int group = Math.min(1, patterns.groups());
            matcher.reset(data, values.offsets()[row], values.offsets()[row + 1]);
            if (!matcher.find(0) || matcher.start(group) < 0) {
                out.append(data, 0, 0);
                continue;
            }
            out.append(data, matcher.start(group), matcher.end(group) - matcher.start(group));
        }
        return out.build();
    }

    private static Column extractAll(Column[] columns, int rows) {
        StringColumn values = StringOperands.strings(columns[0]);
        Patterns patterns = new Patterns(columns[1]);
        ArrayColumnBuilder out = new ArrayColumnBuilder(new StringColumnBuilder(rows), rows);
        StringColumnBuilder elements = (StringColumnBuilder) out.elements();
        byte[] data = values.data();
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            int from = values.offsets()[row];
            int to = values.offsets()[row + 1];
            CompiledRegex.Matcher matcher = patterns.at(i);
            int group = Math.min(1, patterns.groups());
            matcher.reset(data, from, to);
            int position = from;
            while (position <= to && matcher.find(position - from) && matcher.end(0) > matcher.start(0)) {
                int start = matcher.start(group);
                elements.append(data, Math.max(start, 0), start < 0 ? 0 : matcher.end(group) - start);
                position = matcher.end(0);
            }
            out.endArray();
        }
        return out.build();
    }

    private static Column replace(Column[] columns, int rows, boolean once) {
        StringColumn values = StringOperands.strings(columns[0]);
        Patterns patterns = new Patterns(columns[1]);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        String lastReplacement = null;
        CompiledRegex.Matcher lastMatcher = null;
        Object[] template = null;
        ByteSink buffer = new ByteSink();
        int[] offsets = values.offsets();
        byte[] data = values.data();
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            CompiledRegex.Matcher matcher = patterns.at(i);
            if (patterns.text().isEmpty()) {
                throw new ColumbaException(
                        ErrorCode.ARGUMENT_OUT_OF_BOUND,
                        "Length of the second argument of function replace must be greater than 0.");
            }
            String replacement = StringOperands.text(columns[2], i);
            if (!replacement.equals(lastReplacement) || matcher != lastMatcher) {
                template = Replacement.parse(replacement, patterns.groups());
                lastReplacement = replacement;
                lastMatcher = matcher;
            }
            if (offsets[row] == offsets[row + 1]) {
                out.append(data, 0, 0);
                continue;
            }
            buffer.reset();
            Replacement.apply(matcher, data, offsets[row], offsets[row + 1], template, once, buffer);
            out.append(buffer.bytes(), 0, buffer.length());
        }
        return out.build();
    }
}
