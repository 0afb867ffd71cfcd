package io.columba.sql.parser;

import io.columba.sql.ast.Statement;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** Parses one statement of the ClickHouse dialect into an immutable AST. Thread-safe. */
public final class SqlParser {
    private static final int MAX_LENGTH = 256 * 1024 * 1024;

    private SqlParser() {}

    /** Parses one statement (a trailing {@code ;} is allowed; a second statement is a syntax error). */
    public static Statement parse(String sql) {
        if (sql.length() > MAX_LENGTH) {
            throw new SqlSyntaxException("Query is too large (" + sql.length() + " characters)", 1, 1, 1);
        }
        InsertDataSplitter.Split split = InsertDataSplitter.split(sql);
        String head = split == null ? sql : split.head();
        ClickHouseParser.StatementEofContext tree = parseTree(sql, head);
        return new AstBuilder(head, split == null ? null : split.data()).statement(tree);
    }

    private static ClickHouseParser.StatementEofContext parseTree(String fullText, String text) {
        ClickHouseLexer lexer = new ClickHouseLexer(CharStreams.fromString(text));
        ThrowingListener listener = new ThrowingListener(fullText);
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        ClickHouseParser parser = new ClickHouseParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.statementEof();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(listener);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return parser.statementEof();
        }
    }

    /** Stops at the first error so the LL pass can take over. */
    private static final class BailErrorStrategy extends org.antlr.v4.runtime.BailErrorStrategy {}

    /** Turns the first lexer or parser error into a {@link SqlSyntaxException} with ClickHouse's wording. */
    private static final class ThrowingListener extends BaseErrorListener {
        private final String text;

        ThrowingListener(String text) {
            this.text = text;
        }

        @Override
        public void syntaxError(
                Recognizer<?, ?> recognizer,
                Object offendingSymbol,
                int line,
                int charPositionInLine,
                String message,
                RecognitionException error) {
            int offset = offsetOf(line, charPositionInLine);
            String found;
            if (offendingSymbol instanceof Token token && token.getType() != Token.EOF) {
                offset = token.getStartIndex();
                found = "('" + token.getText() + "')";
            } else if (offendingSymbol instanceof Token) {
                found = "(end of query)";
                offset = text.length();
            } else {
                found = "('" + snippet(offset, 1) + "')";
            }
            String expected = expectedTokens(recognizer, message);
            String rest = snippet(offset, 40);
            throw new SqlSyntaxException(
                    "Syntax error: failed at position " + (offset + 1) + " " + found + " (line " + line + ", col "
                            + (charPositionInLine + 1) + "): " + rest + ". " + expected,
                    offset + 1,
                    line,
                    charPositionInLine + 1);
        }

        private String expectedTokens(Recognizer<?, ?> recognizer, String message) {
            if (recognizer instanceof Parser parser) {
                try {
                    var expected = parser.getExpectedTokens();
                    if (expected != null && expected.size() > 0 && expected.size() <= 12) {
                        return "Expected one of: " + expected.toString(parser.getVocabulary());
                    }
                } catch (RuntimeException noState) {
                    // Expected tokens are a hint only; the position is what matters.
                }
                return message.startsWith("extraneous input") ? "Unexpected input" : capitalize(message);
            }
            return capitalize(message);
        }

        private static String capitalize(String message) {
            return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        }

        private int offsetOf(int line, int column) {
            int offset = 0;
            for (int l = 1; l < line && offset < text.length(); offset++) {
                if (text.charAt(offset) == '\n') {
                    l++;
                }
            }
            return Math.min(text.length(), offset + column);
        }

        private String snippet(int offset, int length) {
            if (offset >= text.length()) {
                return "";
            }
            String piece = text.substring(offset, Math.min(text.length(), offset + length));
            return piece.replace('\n', ' ');
        }
    }
}
