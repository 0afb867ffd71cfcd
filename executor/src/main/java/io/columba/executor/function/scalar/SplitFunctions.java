package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.ArrayColumnBuilder;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.List;

/** Strings into arrays and back: splitByChar, splitByString, splitByRegexp, arrayStringConcat, concatWithSeparator. */
public final class SplitFunctions {
    private SplitFunctions() {}

    private enum Separator {
        CHAR,
        STRING,
        REGEXP
    }

    public static List<ScalarFunction> all() {
        return List.of(
                split("splitByChar", Separator.CHAR, "SELECT splitByChar(',', 'a,b,,c')"),
                split("splitByString", Separator.STRING, "SELECT splitByString(', ', 'a, b, c')"),
                split("splitByRegexp", Separator.REGEXP, "SELECT splitByRegexp('\\\\d+', 'a12bc23de345f')"),
                SimpleScalarFunction.of(
                        "arrayStringConcat",
                        "The array's elements as text joined by a separator (default ''); NULL elements skipped.",
                        "SELECT arrayStringConcat(['a', 'b', 'c'], '-')",
                        (types, args) -> {
                            Operands.expectCount("arrayStringConcat", types, 1, 2);
                            if (!(types.get(0) instanceof ArrayType array)) {
                                throw Operands.illegalType("arrayStringConcat", types.get(0), 1);
                            }
                            StringOperands.expectStrings("arrayStringConcat", types, 1, 2, 1);
                            return new Binding(
                                    StringType.STRING, (columns, rows) -> join(columns, array.element(), rows));
                        }),
                SimpleScalarFunction.of(
                                "concatWithSeparator",
                                "The arguments as text joined by the separator given first.",
                                "SELECT concatWithSeparator('-', 'a', 'b', 'c')",
                                (types, args) -> {
                                    StringOperands.expectStrings("concatWithSeparator", types, 1, Integer.MAX_VALUE, 0);
                                    return new Binding(
                                            StringType.STRING,
                                            (columns, rows) -> concatWithSeparator(columns, types, rows));
                                })
                        .withAliases("concat_ws")
                        .ignoringCase());
    }

    private static SimpleScalarFunction split(String name, Separator kind, String example) {
        String what = switch (kind) {
            case CHAR -> "a one-byte separator";
            case STRING -> "a separator string (empty: into single bytes)";
            case REGEXP -> "matches of a regular expression (empty: into single bytes)";
        };
        return SimpleScalarFunction.of(
                name,
                "The pieces of a string between " + what + ", at most max_substrings when given.",
                example,
                (types, args) -> {
                    StringOperands.expectStrings(name, types, 2, 3, 0, 1);
                    if (types.size() == 3 && !(types.get(2) instanceof IntegerType)) {
                        throw Operands.illegalType(name, types.get(2), 3);
                    }
                    return new Binding(
                            new ArrayType(StringType.STRING), (columns, rows) -> split(name, kind, columns, rows));
                });
    }

    private static Column split(String name, Separator kind, Column[] columns, int rows) {
        String separator = StringOperands.constant(name, columns[0], 1);
        byte[] sep = StringOperands.utf8(separator);
        if (kind == Separator.CHAR && sep.length != 1) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, "Illegal separator for function splitByChar. Must be exactly one byte.");
        }
        CompiledRegex.Matcher pattern = kind == Separator.REGEXP && !separator.isEmpty()
                ? RegexpFunctions.compile(separator).matcher()
                : null;
        long[] limits = columns.length > 2 ? Operands.longs(columns[2], rows) : null;
        StringColumn in = StringOperands.strings(columns[1]);
        ArrayColumnBuilder out = new ArrayColumnBuilder(new StringColumnBuilder(rows), rows);
        StringColumnBuilder pieces = (StringColumnBuilder) out.elements();
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[1], i);
            long limit = limits == null || limits[i] <= 0 ? Long.MAX_VALUE : limits[i];
            if (pattern != null) {
                splitByPattern(in.data(), in.offsets()[row], in.offsets()[row + 1], pattern, limit, pieces);
            } else {
                splitByBytes(in.data(), in.offsets()[row], in.offsets()[row + 1], sep, limit, pieces);
            }
            out.endArray();
        }
        return out.build();
    }

    private static void splitByBytes(byte[] data, int from, int to, byte[] sep, long limit, StringColumnBuilder out) {
        if (sep.length == 0) {
            for (int i = from; i < to && i - from < limit; i++) {
                out.append(data, i, 1);
            }
            return;
        }
        int start = from;
        long count = 0;
        while (count + 1 < limit) {
            int found = StringSearchFunctions.indexOf(data, start, to, sep, 0, sep.length, false);
            if (found < 0) {
                break;
            }
            out.append(data, start, found - start);
            count++;
            start = found + sep.length;
        }
        out.append(data, start, to - start);
    }

    private static void splitByPattern(
            byte[] data, int from, int to, CompiledRegex.Matcher matcher, long limit, StringColumnBuilder out) {
        matcher.reset(data, from, to);
        int position = from;
        long count = 0;
        while (position <= to && count + 1 < limit) {
            if (!matcher.find(position - from) || matcher.end(0) == matcher.start(0)) {
                break;
            }
            out.append(data, position, matcher.start(0) - position);
            count++;
            position = matcher.end(0);
        }
        if (position <= to) {
            out.append(data, position, to - position);
        }
    }

    private static Column join(Column[] columns, DataType elementType, int rows) {
        Column arrays = columns[0] instanceof ConstantColumn constant ? constant.value() : columns[0];
        ArrayColumn array = (ArrayColumn) arrays;
        Column elements = array.elements();
        Column texts = TypeConversion.cast(elements, elementType.withoutNullable(), StringType.STRING, elements.size());
        StringColumn strings = StringOperands.strings(texts);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        ByteSink buffer = new ByteSink();
        for (int i = 0; i < rows; i++) {
            int row = arrays == columns[0] ? i : 0;
            byte[] separator =
                    columns.length > 1 ? StringOperands.utf8(StringOperands.text(columns[1], i)) : new byte[0];
            buffer.reset();
            boolean first = true;
            for (int e = array.offsets()[row]; e < array.offsets()[row + 1]; e++) {
                if (elements.isNull(e)) {
                    continue;
                }
                if (!first) {
                    buffer.append(separator);
                }
                first = false;
                buffer.append(strings.data(), strings.offsets()[e], strings.length(e));
            }
            out.append(buffer.bytes(), 0, buffer.length());
        }
        return out.build();
    }

    private static Column concatWithSeparator(Column[] columns, List<DataType> types, int rows) {
        Column[] texts = new Column[columns.length];
        for (int a = 1; a < columns.length; a++) {
            texts[a] = TypeConversion.cast(columns[a], types.get(a), StringType.STRING, rows);
        }
        StringColumnBuilder out = new StringColumnBuilder(rows);
        ByteSink buffer = new ByteSink();
        for (int i = 0; i < rows; i++) {
            byte[] separator = StringOperands.utf8(StringOperands.text(columns[0], i));
            buffer.reset();
            for (int a = 1; a < columns.length; a++) {
                if (a > 1) {
                    buffer.append(separator);
                }
                StringColumn s = StringOperands.strings(texts[a]);
                int row = StringOperands.row(texts[a], i);
                buffer.append(s.data(), s.offsets()[row], s.length(row));
            }
            out.append(buffer.bytes(), 0, buffer.length());
        }
        return out.build();
    }
}
