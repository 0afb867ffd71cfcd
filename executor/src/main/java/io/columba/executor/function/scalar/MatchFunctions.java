package io.columba.executor.function.scalar;

import io.columba.executor.expression.Constant;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FixedStringType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** like, notLike, ilike, notILike and hasToken: pattern and token matches on strings. */
public final class MatchFunctions {
    private MatchFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                like("like", false, false, "SELECT like('ClickHouse', '%House')"),
                like("notLike", true, false, "SELECT notLike('ClickHouse', 'Click_')"),
                like("ilike", false, true, "SELECT ilike('ClickHouse', '%house')"),
                like("notILike", true, true, "SELECT notILike('ClickHouse', '%HOUSE')"),
                multiSearch("multiSearchAny", false),
                multiSearch("multiSearchAnyCaseInsensitive", true),
                SimpleScalarFunction.of(
                        "hasToken",
                        "1 when the string has the token: a run of letters and digits bounded by other characters.",
                        "SELECT hasToken('Hello, world!', 'world')",
                        (types, args) -> {
                            expectTwoStrings("hasToken", types);
                            return new Binding(IntegerType.UINT8, MatchFunctions::hasToken);
                        }));
    }

    private static SimpleScalarFunction like(String name, boolean negated, boolean ignoreCase, String example) {
        String description = (negated ? "0" : "1") + " when the string matches the pattern "
                + "(% any characters, _ one character, \\ escapes)" + (ignoreCase ? ", ignoring case" : "")
                + "; else " + (negated ? "1" : "0") + ".";
        return SimpleScalarFunction.of(name, description, example, (types, args) -> {
            expectTwoStrings(name, types);
            String constant = constantPattern(args.get(1));
            LikeMatcher compiled = constant != null && !ignoreCase ? LikeMatcher.of(constant) : null;
            if (compiled != null) {
                return new Binding(IntegerType.UINT8, (columns, rows) -> matchBytes(columns, rows, compiled, negated));
            }
            return new Binding(IntegerType.UINT8, (columns, rows) -> match(columns, rows, negated, ignoreCase));
        });
    }

    private static SimpleScalarFunction multiSearch(String name, boolean ignoreCase) {
        return SimpleScalarFunction.of(
                name,
                "1 when the string contains any of the array's strings" + (ignoreCase ? ", ASCII case ignored" : "")
                        + ", else 0.",
                "SELECT " + name + "('Hello World', ['wor', 'xyz'])",
                (types, args) -> {
                    Operands.expectCount(name, types, 2, 2);
                    if (!(types.get(0) instanceof StringType || types.get(0) instanceof FixedStringType)
                            || !(types.get(1) instanceof io.columba.storage.type.ArrayType array)
                            || !(array.element().withoutNullable() instanceof StringType)) {
                        throw Operands.illegalTypes(name, types.get(0), types.get(1));
                    }
                    return new Binding(IntegerType.UINT8, (columns, rows) -> searchAny(columns, rows, ignoreCase));
                });
    }

    private static Column searchAny(Column[] columns, int rows, boolean ignoreCase) {
        StringColumn values = text(columns[0]);
        boolean valueConstant = columns[0] instanceof ConstantColumn;
        Column needlesColumn = columns[1] instanceof ConstantColumn constant ? constant.value() : columns[1];
        boolean needlesConstant = needlesColumn != columns[1];
        io.columba.storage.column.ArrayColumn arrays = (io.columba.storage.column.ArrayColumn) needlesColumn;
        StringColumn needles = (StringColumn) arrays.elements();
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            String haystack = values.getString(valueConstant ? 0 : i);
            if (ignoreCase) {
                haystack = haystack.toLowerCase(java.util.Locale.ROOT);
            }
            int row = needlesConstant ? 0 : i;
            for (int n = arrays.offsets()[row]; n < arrays.offsets()[row + 1]; n++) {
                String needle = needles.getString(n);
                if (haystack.contains(ignoreCase ? needle.toLowerCase(java.util.Locale.ROOT) : needle)) {
                    out[i] = 1;
                    break;
                }
            }
        }
        return new LongColumn(out, null, rows);
    }

    private static void expectTwoStrings(String name, List<DataType> types) {
        Operands.expectCount(name, types, 2, 2);
        for (int i = 0; i < 2; i++) {
            if (!(types.get(i) instanceof StringType || types.get(i) instanceof FixedStringType)) {
                throw Operands.illegalType(name, types.get(i), i + 1);
            }
        }
    }

    /** The Java pattern of a LIKE pattern: {@code %} and {@code _} wildcards, backslash escapes the next one. */
    public static Pattern likePattern(String like, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                literal.append(like.charAt(++i));
                continue;
            }
            if (c == '%' || c == '_') {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(c == '%' ? "(?s:.*)" : "(?s:.)");
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags);
    }

    private static Column match(Column[] columns, int rows, boolean negated, boolean ignoreCase) {
        StringColumn values = text(columns[0]);
        StringColumn patterns = text(columns[1]);
        boolean valueConstant = columns[0] instanceof ConstantColumn;
        boolean patternConstant = columns[1] instanceof ConstantColumn;
        long[] out = new long[rows];
        Pattern fixed = patternConstant ? likePattern(patterns.getString(0), ignoreCase) : null;
        for (int i = 0; i < rows; i++) {
            Pattern pattern = fixed != null ? fixed : likePattern(patterns.getString(i), ignoreCase);
            boolean matches =
                    pattern.matcher(values.getString(valueConstant ? 0 : i)).matches();
            out[i] = matches != negated ? 1 : 0;
        }
        return new LongColumn(out, null, rows);
    }

    private static Column matchBytes(Column[] columns, int rows, LikeMatcher matcher, boolean negated) {
        StringColumn values = text(columns[0]);
        long[] out = new long[rows];
        if (columns[0] instanceof ConstantColumn) {
            java.util.Arrays.fill(out, matcher.matches(values.data(), 0, values.offsets()[1]) != negated ? 1 : 0);
        } else {
            matcher.matchAll(values, out, negated);
        }
        return new LongColumn(out, null, rows);
    }

    private static Column hasToken(Column[] columns, int rows) {
        StringColumn values = text(columns[0]);
        StringColumn tokens = text(columns[1]);
        if (!(columns[1] instanceof ConstantColumn)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_COLUMN, "Needle argument of function hasToken must be a constant string");
        }
        byte[] token = tokens.getBytes(0);
        for (byte b : token) {
            if (!isTokenByte(b)) {
                throw new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS, "Needle must not contain whitespace or separator characters");
            }
        }
        boolean valueConstant = columns[0] instanceof ConstantColumn;
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            int row = valueConstant ? 0 : i;
            out[i] = containsToken(values.data(), values.offsets()[row], values.offsets()[row + 1], token) ? 1 : 0;
        }
        return new LongColumn(out, null, rows);
    }

    private static boolean containsToken(byte[] data, int from, int to, byte[] token) {
        if (token.length == 0) {
            return false;
        }
        for (int start = from; start + token.length <= to; start++) {
            boolean boundedBefore = start == from || !isTokenByte(data[start - 1]);
            int end = start + token.length;
            boolean boundedAfter = end == to || !isTokenByte(data[end]);
            if (boundedBefore && boundedAfter && java.util.Arrays.equals(data, start, end, token, 0, token.length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTokenByte(byte b) {
        return io.columba.storage.index.IndexTerms.isWordByte(b);
    }

    private static StringColumn text(Column column) {
        Column plain = column instanceof ConstantColumn constant ? constant.value() : column;
        return (StringColumn) plain;
    }

    /** The pattern text of a constant LIKE pattern argument, or null. */
    public static String constantPattern(Object argument) {
        return argument instanceof Constant constant && constant.type() instanceof StringType && !constant.isNull()
                ? new String(constant.bytesValue(), StandardCharsets.UTF_8)
                : null;
    }
}
