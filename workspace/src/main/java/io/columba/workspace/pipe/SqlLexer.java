package io.columba.workspace.pipe;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts ClickHouse SQL into {@link SqlToken}s without understanding it: enough to find names reliably outside
 * string literals, quoted names and comments ({@code --}, {@code #} and {@code /* *}{@code /}). Unterminated
 * strings and comments run to the end of the text; the executor reports them.
 */
final class SqlLexer {
    private final String sql;
    private int position;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    static List<SqlToken> tokenize(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        List<SqlToken> tokens = new ArrayList<>();
        while (lexer.position < sql.length()) {
            tokens.add(lexer.next());
        }
        return tokens;
    }

    private SqlToken next() {
        int start = position;
        char character = sql.charAt(position);
        if (Character.isWhitespace(character)) {
            while (position < sql.length() && Character.isWhitespace(sql.charAt(position))) {
                position++;
            }
            return token(SqlToken.Kind.TRIVIA, start);
        }
        if (sql.startsWith("--", position) || character == '#') {
            int end = sql.indexOf('\n', position);
            position = end < 0 ? sql.length() : end;
            return token(SqlToken.Kind.TRIVIA, start);
        }
        if (sql.startsWith("/*", position)) {
            int end = sql.indexOf("*/", position + 2);
            position = end < 0 ? sql.length() : end + 2;
            return token(SqlToken.Kind.TRIVIA, start);
        }
        if (character == '\'') {
            skipQuoted('\'');
            return token(SqlToken.Kind.STRING, start);
        }
        if (character == '`' || character == '"') {
            skipQuoted(character);
            return token(SqlToken.Kind.QUOTED_NAME, start);
        }
        if (Character.isLetter(character) || character == '_' || character == '$') {
            while (position < sql.length() && isWordPart(sql.charAt(position))) {
                position++;
            }
            return token(SqlToken.Kind.WORD, start);
        }
        if (Character.isDigit(character)) {
            while (position < sql.length()
                    && (Character.isLetterOrDigit(sql.charAt(position)) || sql.charAt(position) == '.')) {
                position++;
            }
            return token(SqlToken.Kind.NUMBER, start);
        }
        position++;
        return token(SqlToken.Kind.SYMBOL, start);
    }

    private static boolean isWordPart(char character) {
        return Character.isLetterOrDigit(character) || character == '_' || character == '$';
    }

    /** Past a quoted run that starts at the current position: backslash escapes and doubled quotes stay inside. */
    private void skipQuoted(char quote) {
        position++;
        while (position < sql.length()) {
            char character = sql.charAt(position);
            if (character == '\\') {
                position += 2;
            } else if (character == quote) {
                if (position + 1 < sql.length() && sql.charAt(position + 1) == quote) {
                    position += 2;
                } else {
                    position++;
                    return;
                }
            } else {
                position++;
            }
        }
        position = Math.min(position, sql.length());
    }

    private SqlToken token(SqlToken.Kind kind, int start) {
        return new SqlToken(kind, sql.substring(start, position));
    }
}
