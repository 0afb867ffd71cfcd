package io.columba.workspace.template;

/**
 * How template values become SQL text: Tinybird's two escapers (for string literals and for identifiers) and
 * {@code expression_wrapper}, which decides how the value of a {@code {{ }}} is written.
 */
final class SqlEscaping {
    private SqlEscaping() {}

    /** The body of a single-quoted string literal: {@code \0 \r \b \t \z \n " ' \ % `} get a backslash. */
    static String escapeString(String value) {
        return escape(value, true);
    }

    /** The body of a quoted identifier: as {@link #escapeString} but double quotes are dropped. */
    static String escapeIdentifier(String value) {
        return escape(value, false);
    }

    /** A single-quoted, escaped string literal. */
    static String quote(String value) {
        return "'" + escapeString(value) + "'";
    }

    private static String escape(String value, boolean keepDoubleQuotes) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char character = value.charAt(i);
            switch (character) {
                case '\0' -> escaped.append("\\0");
                case '\r' -> escaped.append("\\r");
                case '\b' -> escaped.append("\\b");
                case '\t' -> escaped.append("\\t");
                case '\u001a' -> escaped.append("\\z");
                case '\n' -> escaped.append("\\n");
                case '"' -> escaped.append(keepDoubleQuotes ? "\\\"" : "");
                case '\'' -> escaped.append("\\'");
                case '\\' -> escaped.append("\\\\");
                case '%' -> escaped.append("\\%");
                case '`' -> escaped.append("\\`");
                default -> escaped.append(character);
            }
        }
        return escaped.toString();
    }

    /**
     * What {@code {{ expression }}} writes for {@code value}: strings are quoted and escaped, template functions'
     * SQL is written as is, other values as Python's {@code str()}; None is an error naming the expression.
     */
    static String render(Object value, String expressionSource, int line) {
        return switch (value) {
            case null ->
                throw TemplateException.template(
                        "expression \"" + truncate(expressionSource) + "\" evaluated to null", line);
            case String text -> quote(text);
            case Placeholder ignored -> "'" + Placeholder.TEXT + "'";
            case ErrorComment ignored -> ErrorComment.SQL;
            default -> PythonValues.str(value);
        };
    }

    private static String truncate(String name) {
        return name.codePointCount(0, name.length()) > 20
                ? name.substring(0, name.offsetByCodePoints(0, 20)) + "..."
                : name;
    }
}
