package io.columba.sql.parser;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Finds where the inline data of {@code INSERT INTO t [(cols)] FORMAT Name <data>} begins, so the data (JSON,
 * CSV, ...) never reaches the SQL lexer. Tokens are read lazily and only up to the format name. An
 * {@code INSERT ... SELECT} has inline data only when it reads it through {@code input(...)}:
 * {@code INSERT INTO t SELECT * FROM input('x Int') FORMAT CSV <data>}.
 */
final class InsertDataSplitter {
    record Split(String head, String data) {}

    private InsertDataSplitter() {}

    static Split split(String sql) {
        ClickHouseLexer lexer = new ClickHouseLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        Token first = lexer.nextToken();
        if (first.getType() != ClickHouseLexer.INSERT) {
            return null;
        }
        int depth = 0;
        boolean select = false;
        boolean readsInput = false;
        Token previous = first;
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            switch (token.getType()) {
                case ClickHouseLexer.LPAREN -> {
                    depth++;
                    readsInput |= select && previous.getText().equalsIgnoreCase("input");
                }
                case ClickHouseLexer.RPAREN -> depth--;
                case ClickHouseLexer.VALUES -> {
                    if (depth == 0 && !select) {
                        return null;
                    }
                }
                case ClickHouseLexer.SELECT, ClickHouseLexer.WITH -> select |= depth == 0;
                case ClickHouseLexer.FORMAT -> {
                    if (depth == 0 && (!select || readsInput)) {
                        Token name = lexer.nextToken();
                        if (name.getType() == Token.EOF) {
                            return null;
                        }
                        int end = name.getStopIndex() + 1;
                        return new Split(sql.substring(0, end), skipSeparator(sql, end));
                    }
                }
                default -> {}
            }
            previous = token;
        }
        return null;
    }

    /** Data starts after spaces and at most one line break following the format name. */
    private static String skipSeparator(String sql, int at) {
        int i = at;
        while (i < sql.length() && (sql.charAt(i) == ' ' || sql.charAt(i) == '\t')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '\r') {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '\n') {
            i++;
        }
        return sql.substring(i);
    }
}
