package io.columba.workspace.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tinybird's functions that build SQL around a parameter: identifiers ({@code column}, {@code columns},
 * {@code symbol}, {@code table}), conditions ({@code sql_and}), LIKE patterns ({@code sql_unescape}) and the list
 * helpers ({@code split_to_array}, {@code enumerate_with_last}), plus {@code defined}.
 */
final class SqlFunctions {
    /** A table name: word characters and dots, and no {@code --} that would start a comment. */
    private static final Pattern TABLE_NAME = Pattern.compile("[\\w.-]+", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Map<String, String> SQL_AND_OPERATORS =
            Map.of("in", "in", "not_in", "not in", "gt", ">", "lt", "<", "gte", ">=", "lte", "<=");

    private SqlFunctions() {}

    /** {@code defined(x)}: whether the parameter was given (a placeholder or None is not). */
    static Object defined(CallArguments arguments, RenderState state) {
        Object value = arguments.bind(List.of("x"), 0).get("x");
        return !(value == null || value instanceof Placeholder);
    }

    /** {@code column(name, 'default')}: a backquoted identifier, {@code a.b} quoted part by part. */
    static Object column(CallArguments arguments, RenderState state) {
        CallArguments.Bound bound = arguments.bind(List.of("x", "default"), 1);
        Object value = bound.get("x");
        if (value == null || value instanceof Placeholder) {
            value = bound.get("default");
            if (value == null) {
                throw TemplateException.template(
                        "Missing column() default value, use `column(column_name, 'default_column_name')`",
                        arguments.line());
            }
        }
        return SqlFragment.symbol(quotedColumn(PythonValues.str(value)));
    }

    private static String quotedColumn(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("\\.", -1)) {
            parts.add("`" + SqlEscaping.escapeIdentifier(part) + "`");
        }
        return String.join(".", parts);
    }

    /** {@code columns('a,b', 'default', fn='sum')}: a list of quoted columns, each optionally wrapped in fn. */
    static Object columns(CallArguments arguments, RenderState state) {
        int line = arguments.line();
        CallArguments.Bound bound = arguments.bind(List.of("x", "default", "fn"), 1);
        Object value = bound.get("x");
        if (value == null || value instanceof Placeholder) {
            value = bound.get("default");
            if (value == null) {
                throw TemplateException.template(
                        "Missing columns() default value, use `columns(column_names, 'default_column_name')`", line);
            }
        }
        String names = PythonValues.stringValue(value);
        if (names == null) {
            throw TemplateException.template("The 'columns' function expects a String not an Array", line);
        }
        Object function = bound.get("fn");
        List<String> rendered = new ArrayList<>();
        for (String name : names.split(",", -1)) {
            String column = quotedColumn(PythonNumbers.strip(name));
            // Tinybird writes the alias raw; it is quoted here so a parameter cannot inject through it.
            rendered.add(
                    PythonValues.isTrue(function)
                            ? PythonValues.str(function) + "(" + column + ") as " + column
                            : column);
        }
        return SqlFragment.expression(String.join(",", rendered));
    }

    /** {@code symbol(x, quote)}: a quoted identifier; the quote may only be a backquote or a double quote. */
    static Object symbol(CallArguments arguments, RenderState state) {
        CallArguments.Bound bound = arguments.bind(List.of("x", "quote"), 1);
        Object quote = bound.getOrDefault("quote", "`");
        String quoteText = PythonValues.stringValue(quote);
        if (!"`".equals(quoteText) && !"\"".equals(quoteText)) {
            throw TemplateException.template("symbol() quote must be '`' or '\"'", arguments.line());
        }
        return symbolValue(bound.get("x"), quoteText, arguments.line());
    }

    static SqlFragment symbolValue(Object value, String quote, int line) {
        if (value instanceof Placeholder) {
            return SqlFragment.symbol("`placeholder`");
        }
        return SqlFragment.symbol(quote + SqlEscaping.escapeIdentifier(translatable(value, line)) + quote);
    }

    /** Tinybird escapes with {@code str.translate}, so anything but a str is an AttributeError. */
    private static String translatable(Object value, int line) {
        String text = PythonValues.stringValue(value);
        if (text == null) {
            throw TemplateException.template(
                    "'" + PythonValues.typeName(value) + "' object has no attribute 'translate'", line);
        }
        return text;
    }

    /** {@code table(x)}: an unquoted table name, which therefore must be one. */
    static Object table(CallArguments arguments, RenderState state) {
        CallArguments.Bound bound = arguments.bind(List.of("x", "quote"), 1);
        Object value = bound.get("x");
        if (value instanceof Placeholder) {
            return SqlFragment.symbol("placeholder");
        }
        String name = SqlEscaping.escapeIdentifier(translatable(value, arguments.line()));
        if (!TABLE_NAME.matcher(name).matches() || name.contains("--")) {
            throw TemplateException.template(
                    "table() expects a table name, found " + PythonValues.stringRepr(name), arguments.line());
        }
        return SqlFragment.symbol(name);
    }

    /** {@code sql_and(a=x, b__in=Array(y), c__gt=z)}: the conditions whose values are not None, joined by and. */
    static Object sqlAnd(CallArguments arguments, RenderState state) {
        int line = arguments.line();
        List<String> conditions = new ArrayList<>();
        for (Map.Entry<String, Object> keyword : arguments.keywords().entrySet()) {
            if (keyword.getValue() == null) {
                continue;
            }
            String key = keyword.getKey();
            int separator = key.lastIndexOf("__");
            String column = separator < 0 ? key : key.substring(0, separator);
            String operator = "=";
            if (separator >= 0) {
                String suffix = key.substring(separator + 2);
                operator = SQL_AND_OPERATORS.get(suffix);
                if (operator == null) {
                    throw TemplateException.template("operand " + suffix + " not supported", line);
                }
            }
            conditions.add(column + " " + operator + " " + SqlEscaping.render(keyword.getValue(), key, line));
        }
        return SqlFragment.expression(String.join(" and ", conditions));
    }

    /**
     * {@code sql_unescape(String(x), '%')}: a string literal in which {@code what} is not escaped (LIKE
     * patterns). Unescaping a quote or a backslash would end the literal early, so those are refused.
     */
    static Object sqlUnescape(CallArguments arguments, RenderState state) {
        int line = arguments.line();
        CallArguments.Bound bound = arguments.bind(List.of("x", "what"), 1);
        String text = translatable(bound.get("x"), line);
        String what = PythonValues.str(bound.getOrDefault("what", ""));
        String escaped = SqlEscaping.escapeString(text);
        if (what.isEmpty()) {
            return SqlFragment.expression("'" + escaped + "'");
        }
        if (what.contains("'") || what.contains("\\")) {
            throw TemplateException.template("sql_unescape() cannot unescape quotes or backslashes", line);
        }
        return SqlFragment.expression("'" + escaped.replace("\\" + what, what) + "'");
    }

    /** {@code split_to_array(x, default='', separator=',')}: the stripped parts of x, a list for {@code for}. */
    static Object splitToArray(CallArguments arguments, RenderState state) {
        CallArguments.Bound bound = arguments.bind(List.of("x", "default", "separator"), 1);
        Object value = bound.get("x");
        if (value == null || value instanceof Placeholder) {
            value = bound.getOrDefault("default", "");
        }
        List<Object> parts = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> parts.add(PythonNumbers.strip(PythonValues.str(item))));
            return PythonValues.list(parts);
        }
        String text = PythonValues.stringValue(value);
        String separator = PythonValues.stringValue(bound.getOrDefault("separator", ","));
        if (text == null || separator == null) {
            throw TemplateException.template(
                    "First argument of split_to_array has to be a value that can be split to a list of elements, but"
                            + " found a PlaceHolder with no value instead",
                    arguments.line());
        }
        if (separator.isEmpty()) {
            throw TemplateException.value("empty separator", arguments.line());
        }
        int from = 0;
        while (true) {
            int index = text.indexOf(separator, from);
            if (index < 0) {
                parts.add(PythonNumbers.strip(text.substring(from)));
                return PythonValues.list(parts);
            }
            parts.add(PythonNumbers.strip(text.substring(from, index)));
            from = index + separator.length();
        }
    }

    /** {@code enumerate_with_last(items)}: {@code (is_last, item)} pairs. */
    static Object enumerateWithLast(CallArguments arguments, RenderState state) {
        int line = arguments.line();
        Object value = arguments.bind(List.of("arr"), 1).get("arr");
        if (!(value instanceof List<?>
                || value instanceof PythonTuple
                || PythonValues.stringValue(value) != null
                || value instanceof Map<?, ?>)) {
            throw TemplateException.value("object of type '" + PythonValues.typeName(value) + "' has no len()", line);
        }
        List<Object> items = PythonOperators.iterate(value, line);
        List<Object> pairs = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            pairs.add(PythonTuple.of(i == items.size() - 1, items.get(i)));
        }
        return PythonValues.list(pairs);
    }

    /** The number of items of a value Python's {@code len()} accepts. */
    static BigInteger length(Object value, int line) {
        String text = PythonValues.stringValue(value);
        if (text != null) {
            return BigInteger.valueOf(text.codePointCount(0, text.length()));
        }
        return switch (value) {
            case null -> throw TemplateException.value("object of type 'NoneType' has no len()", line);
            case List<?> list -> BigInteger.valueOf(list.size());
            case PythonTuple tuple -> BigInteger.valueOf(tuple.items().size());
            case Map<?, ?> map -> BigInteger.valueOf(map.size());
            default ->
                throw TemplateException.value(
                        "object of type '" + PythonValues.typeName(value) + "' has no len()", line);
        };
    }
}
