package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumnBuilder;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.List;

/** Strings cut into arrays of pieces: alphaTokens, tokens, ngrams and extractGroups. */
public final class TokenFunctions {
    private TokenFunctions() {}

    /** Cuts one row {@code data[from, to)} into pieces appended to {@code out}; {@code parameter} is per row. */
    private interface Cutter {
        void cut(byte[] data, int from, int to, long parameter, StringColumnBuilder out);
    }

    public static List<ScalarFunction> all() {
        return List.of(
                cutter(
                        "alphaTokens",
                        "The runs of ASCII letters of a string; an optional second argument caps their number.",
                        "SELECT alphaTokens('abc1de 2f_g')",
                        true,
                        (d, f, t, limit, out) -> runs(d, f, t, limit, false, out)),
                cutter(
                        "tokens",
                        "The runs of ASCII letters, digits and non-ASCII bytes of a string (split by the other ASCII"
                                + " characters).",
                        "SELECT tokens('test1,;\\\\ test2,;\\\\ test3')",
                        false,
                        (d, f, t, limit, out) -> runs(d, f, t, 0, true, out)),
                SimpleScalarFunction.of(
                        "ngrams",
                        "The n-grams of a UTF-8 string: every run of n consecutive code points, in order.",
                        "SELECT ngrams('ClickHouse', 3)",
                        (types, args) -> {
                            StringOperands.expectStrings("ngrams", types, 2, 2, 0);
                            if (!(types.get(1) instanceof IntegerType)) {
                                throw Operands.illegalType("ngrams", types.get(1), 2);
                            }
                            return new Binding(
                                    new ArrayType(StringType.STRING),
                                    (columns, rows) -> cut(columns, rows, TokenFunctions::ngrams));
                        }),
                SimpleScalarFunction.of(
                        "extractGroups",
                        "The capturing groups of the first match of a regular expression; empty strings when it does"
                                + " not match.",
                        "SELECT extractGroups('hello abc=111 world', '(\\\\w+)=(\\\\w+)')",
                        (types, args) -> {
                            StringOperands.expectStrings("extractGroups", types, 2, 2, 0, 1);
                            return new Binding(new ArrayType(StringType.STRING), TokenFunctions::extractGroups);
                        }));
    }

    private static SimpleScalarFunction cutter(
            String name, String description, String example, boolean limited, Cutter cutter) {
        return SimpleScalarFunction.of(name, description, example, (types, args) -> {
            StringOperands.expectStrings(name, types, 1, limited ? 2 : 1, 0);
            if (types.size() == 2 && !(types.get(1) instanceof IntegerType)) {
                throw Operands.illegalType(name, types.get(1), 2);
            }
            return new Binding(new ArrayType(StringType.STRING), (columns, rows) -> cut(columns, rows, cutter));
        });
    }

    private static Column cut(Column[] columns, int rows, Cutter cutter) {
        StringColumn strings = StringOperands.strings(columns[0]);
        ArrayColumnBuilder out = new ArrayColumnBuilder(new StringColumnBuilder(rows), rows);
        StringColumnBuilder elements = (StringColumnBuilder) out.elements();
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            long parameter = columns.length > 1 ? parameter(columns[1], i) : 0;
            cutter.cut(strings.data(), strings.offsets()[row], strings.offsets()[row + 1], parameter, elements);
            out.endArray();
        }
        return out.build();
    }

    private static long parameter(Column column, int row) {
        Column plain = column instanceof ConstantColumn constant ? constant.value() : column;
        return ((LongColumn) plain).get(plain == column ? row : 0);
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Runs of letters (or, for tokens, of letters, digits and non-ASCII bytes); at most {@code limit} when > 0. */
    private static void runs(byte[] data, int from, int to, long limit, boolean tokens, StringColumnBuilder out) {
        long count = 0;
        int pos = from;
        while (pos < to && (limit <= 0 || count < limit)) {
            while (pos < to && !inToken(data[pos], tokens)) {
                pos++;
            }
            int start = pos;
            while (pos < to && inToken(data[pos], tokens)) {
                pos++;
            }
            if (pos > start) {
                out.append(data, start, pos - start);
                count++;
            }
        }
    }

    private static boolean inToken(byte c, boolean tokens) {
        return isLetter(c) || (tokens && ((c >= '0' && c <= '9') || c < 0));
    }

    private static void ngrams(byte[] data, int from, int to, long n, StringColumnBuilder out) {
        if (n <= 0) {
            throw new ColumbaException(ErrorCode.BAD_ARGUMENTS, "Function ngrams expects a positive length");
        }
        int[] starts = new int[to - from + 1];
        int count = 0;
        for (int i = from; i < to; i++) {
            if ((data[i] & 0xC0) != 0x80) {
                starts[count++] = i;
            }
        }
        starts[count] = to;
        for (int i = 0; i + n <= count; i++) {
            int start = starts[i];
            out.append(data, start, starts[(int) (i + n)] - start);
        }
    }

    private static Column extractGroups(Column[] columns, int rows) {
        StringColumn strings = StringOperands.strings(columns[0]);
        ArrayColumnBuilder out = new ArrayColumnBuilder(new StringColumnBuilder(rows), rows);
        StringColumnBuilder elements = (StringColumnBuilder) out.elements();
        String lastPattern = null;
        CompiledRegex.Matcher matcher = null;
        int groups = 0;
        for (int i = 0; i < rows; i++) {
            String pattern = StringOperands.text(columns[1], i);
            if (!pattern.equals(lastPattern)) {
                lastPattern = pattern;
                CompiledRegex regex = CompiledRegex.compile(pattern);
                groups = regex.groupCount();
                if (groups == 0) {
                    throw new ColumbaException(ErrorCode.BAD_ARGUMENTS, "There are no groups in regexp: " + pattern);
                }
                matcher = regex.matcher();
            }
            int row = StringOperands.row(columns[0], i);
            byte[] data = strings.data();
            matcher.reset(data, strings.offsets()[row], strings.offsets()[row + 1]);
            boolean found = matcher.find(0);
            for (int g = 1; g <= groups; g++) {
                int start = found ? matcher.start(g) : -1;
                elements.append(data, Math.max(start, 0), start < 0 ? 0 : matcher.end(g) - start);
            }
            out.endArray();
        }
        return out.build();
    }
}
