package io.columba.workspace.template;

/**
 * How ClickHouse's lexer reads a quoted literal, for checking that rendered values cannot leave their quotes: a
 * backslash escapes the next character, a doubled quote is a quote, and the literal ends at the first lone quote.
 */
final class ClickHouseLiteralScanner {
    private ClickHouseLiteralScanner() {}

    /** The offset just after the literal that starts at {@code start}, or -1 when it never closes. */
    static int end(String sql, int start) {
        char quote = sql.charAt(start);
        int i = start + 1;
        while (i < sql.length()) {
            char character = sql.charAt(i);
            if (character == '\\') {
                i += 2;
            } else if (character == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The value ClickHouse reads from the literal {@code sql[start, end)} (ReadHelpers' escape rules). */
    static String decode(String sql, int start, int end) {
        StringBuilder value = new StringBuilder();
        char quote = sql.charAt(start);
        for (int i = start + 1; i < end - 1; i++) {
            char character = sql.charAt(i);
            if (character == quote) {
                i++;
                value.append(quote);
            } else if (character != '\\') {
                value.append(character);
            } else {
                char escaped = sql.charAt(++i);
                char decoded = switch (escaped) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case '0' -> '\0';
                    case 'a' -> '\u0007';
                    case 'v' -> '\u000b';
                    default -> escaped;
                };
                boolean keepsBackslash = "\\'\"`/=".indexOf(decoded) < 0 && !Character.isISOControl(decoded);
                value.append(keepsBackslash ? "\\" : "").append(decoded);
            }
        }
        return value.toString();
    }
}
