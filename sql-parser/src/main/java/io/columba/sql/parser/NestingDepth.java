package io.columba.sql.parser;

/**
 * Refuses statements whose brackets nest deeper than {@link #MAX_DEPTH} before the parser sees them, as ClickHouse's
 * {@code max_parser_depth} does: the grammar's adaptive prediction costs time quadratic in the nesting of an
 * unclosed {@code SELECT (SELECT (...} (20,000 levels took minutes and gigabytes), and a deep enough closed one
 * overflows the stack. Brackets inside string literals, quoted identifiers and comments do not count.
 */
final class NestingDepth {
    /** Deeper than any query people write; a statement this deep still parses in a second or two. */
    static final int MAX_DEPTH = 500;

    private NestingDepth() {}

    /** Throws a {@link SqlSyntaxException} (nesting too deep) at the first bracket past the limit. */
    static void check(String sql) {
        int depth = 0;
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            switch (c) {
                case '(', '[', '{' -> {
                    if (++depth > MAX_DEPTH) {
                        throw tooDeep(sql, i);
                    }
                    i++;
                }
                case ')', ']', '}' -> {
                    depth = Math.max(0, depth - 1);
                    i++;
                }
                case '\'', '"', '`' -> i = skipQuoted(sql, i, c);
                case '-' -> i = i + 1 < length && sql.charAt(i + 1) == '-' ? skipLine(sql, i) : i + 1;
                case '/' -> i = i + 1 < length && sql.charAt(i + 1) == '*' ? skipBlockComment(sql, i) : i + 1;
                default -> i++;
            }
        }
    }

    /** The index after a quoted literal or identifier: a backslash escapes the next character, a doubled quote is one. */
    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int skipLine(String sql, int start) {
        int end = sql.indexOf('\n', start);
        return end < 0 ? sql.length() : end + 1;
    }

    /** The index after a block comment, which may nest. */
    private static int skipBlockComment(String sql, int start) {
        int nesting = 0;
        int i = start;
        while (i + 1 < sql.length()) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                nesting++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                i += 2;
                if (--nesting == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static SqlSyntaxException tooDeep(String sql, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SqlSyntaxException(
                "Maximum parse depth (" + MAX_DEPTH + ") exceeded: brackets nest deeper than " + MAX_DEPTH
                        + " levels at position " + (offset + 1) + " (line " + line + ", col "
                        + (offset - lineStart + 1) + ")",
                offset + 1,
                line,
                offset - lineStart + 1,
                true);
    }
}
