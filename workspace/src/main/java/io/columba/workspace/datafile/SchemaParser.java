package io.columba.workspace.datafile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses a {@code SCHEMA >} block: columns separated by commas (outside parentheses, quotes and backticks), each
 * {@code [`]name[`] Type [`json:path`] [DEFAULT expr] [CODEC(...)]}.
 */
final class SchemaParser {
    private final String source;

    SchemaParser(String source) {
        this.source = source;
    }

    private record Piece(String text, int line) {}

    List<SchemaColumn> parse(Directive schema) {
        List<SchemaColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Piece piece : split(schema.text(), schema.blockFirstLine())) {
            SchemaColumn column = new ColumnCursor(piece.text(), piece.line()).column();
            if (!names.add(column.name())) {
                throw DatafileReader.error(source, piece.line(), "column '" + column.name() + "' is defined twice");
            }
            columns.add(column);
        }
        if (columns.isEmpty()) {
            throw DatafileReader.error(source, schema.line(), "expected at least one column in SCHEMA, found none");
        }
        return columns;
    }

    /** Splits at top-level commas; each piece keeps the line of its first non-blank character. */
    private List<Piece> split(String text, int firstLine) {
        List<Piece> pieces = new ArrayList<>();
        if (text.isBlank()) {
            return pieces;
        }
        int start = 0;
        while (start <= text.length()) {
            int comma = ExpressionText.findTopLevel(text, start, i -> text.charAt(i) == ',');
            String piece = text.substring(start, comma == ExpressionText.UNCLOSED_QUOTE ? text.length() : comma);
            int line = firstLine + newlines(text, start + leadingWhitespace(piece));
            if (comma == ExpressionText.UNCLOSED_QUOTE) {
                throw DatafileReader.error(source, line, "expected a closing quote, found the end of SCHEMA");
            }
            boolean last = comma == text.length();
            if (piece.isBlank() && !(last && !pieces.isEmpty())) {
                throw DatafileReader.error(
                        source, line, "expected a column definition between two commas, found nothing");
            }
            if (!piece.isBlank()) {
                pieces.add(new Piece(piece.strip(), line));
            }
            start = comma + 1;
        }
        return pieces;
    }

    private static int leadingWhitespace(String text) {
        int count = 0;
        while (count < text.length() && Character.isWhitespace(text.charAt(count))) {
            count++;
        }
        return count;
    }

    private static int newlines(String text, int end) {
        int count = 0;
        for (int i = 0; i < Math.min(end, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Reads one column definition left to right. */
    private final class ColumnCursor {
        private final String text;
        private final int line;
        private int at;

        ColumnCursor(String text, int line) {
            this.text = text;
            this.line = line;
        }

        SchemaColumn column() {
            String name = name();
            skipWhitespace();
            if (at >= text.length()) {
                throw error("expected a type after column '" + name + "', found the end of the column");
            }
            String type = type(name);
            String jsonPath = null;
            String defaultExpression = null;
            String codec = null;
            while (true) {
                skipWhitespace();
                if (at >= text.length()) {
                    break;
                }
                if (text.startsWith("`json:", at) && jsonPath == null) {
                    int end = text.indexOf('`', at + 1);
                    if (end < 0) {
                        throw error("expected a closing ` after `json: in column '" + name + "'");
                    }
                    jsonPath = text.substring(at + "`json:".length(), end).strip();
                    at = end + 1;
                } else if (startsWithWord("DEFAULT", at) && defaultExpression == null) {
                    at += "DEFAULT".length();
                    defaultExpression = defaultExpression(name);
                } else if (startsWithWord("CODEC", at) && codec == null) {
                    at += "CODEC".length();
                    skipWhitespace();
                    codec = parenthesized(name);
                } else {
                    throw error("expected `json:<path>`, DEFAULT or CODEC after the type of column '" + name
                            + "', found '" + text.substring(at) + "'");
                }
            }
            return new SchemaColumn(name, type, jsonPath, defaultExpression, codec);
        }

        private String name() {
            if (text.charAt(0) == '`') {
                int end = text.indexOf('`', 1);
                if (end < 0) {
                    throw error("expected a closing ` after the column name, found '" + text + "'");
                }
                at = end + 1;
                String name = text.substring(1, end);
                if (name.isEmpty()) {
                    throw error("expected a column name between the backticks, found ``");
                }
                return name;
            }
            while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            return text.substring(0, at);
        }

        private String type(String column) {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (at == start) {
                throw error("expected a type after column '" + column + "', found '" + text.substring(at) + "'");
            }
            String name = text.substring(start, at);
            int afterName = at;
            skipWhitespace();
            if (at < text.length() && text.charAt(at) == '(') {
                return name + parenthesized(column);
            }
            at = afterName;
            return name;
        }

        /** A balanced {@code (...)} starting at the cursor, returned with its parentheses. */
        private String parenthesized(String column) {
            if (at >= text.length() || text.charAt(at) != '(') {
                throw error("expected '(' in column '" + column + "', found '" + text.substring(at) + "'");
            }
            int end = ExpressionText.afterClosingParenthesis(text, at);
            if (end < 0) {
                throw error("expected ')' to close '" + text.substring(at) + "' in column '" + column + "'");
            }
            String group = text.substring(at, end);
            at = end;
            return group;
        }

        /** Everything up to a following {@code `json:} or CODEC, or the end. */
        private String defaultExpression(String column) {
            int start = at;
            int end = ExpressionText.findTopLevel(
                    text, at, i -> text.startsWith("`json:", i) || startsWithWord("CODEC", i));
            at = end == ExpressionText.UNCLOSED_QUOTE ? text.length() : end;
            String expression = text.substring(start, at).strip();
            if (expression.isEmpty()) {
                throw error("expected an expression after DEFAULT in column '" + column + "'");
            }
            return expression;
        }

        private boolean startsWithWord(String word, int position) {
            if (position > 0 && Character.isLetterOrDigit(text.charAt(position - 1))) {
                return false;
            }
            int end = position + word.length();
            return text.regionMatches(true, position, word, 0, word.length())
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
        }

        private void skipWhitespace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private RuntimeException error(String message) {
            return DatafileReader.error(source, line + newlines(text, at), message);
        }
    }
}
