package io.columba.sql.parser;

import io.columba.sql.ast.Expression;
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
        NestingDepth.check(head);
        ClickHouseParser.StatementEofContext tree;
        try {
            tree = parseTree(sql, head).tree();
        } catch (SqlSyntaxException failed) {
            // WITH ... INSERT is looked for only when the statement is no other: SELECTs pay nothing for it.
            if (split == null && insertAfterWith(sql)) {
                return new AstBuilder(sql, null).withInsert(withInsertTree(sql).tree());
            }
            throw failed;
        }
        return new AstBuilder(head, split == null ? null : split.data()).statement(tree);
    }

    /**
     * Whether {@link #parse} needs its second, full-context (LL) pass for this statement, which costs several times
     * the first: statements that parse in the first pass (SLL prediction) tell nothing.
     */
    static boolean needsFullContext(String sql) {
        InsertDataSplitter.Split split = InsertDataSplitter.split(sql);
        if (split == null && insertAfterWith(sql)) {
            return withInsertTree(sql).fullContext();
        }
        return parseTree(sql, split == null ? sql : split.head()).fullContext();
    }

    /** Parses one expression ({@code x + 1}, {@code bloom_filter(0.01)}), as it may stand in a SELECT list. */
    public static Expression parseExpression(String sql) {
        NestingDepth.check(sql);
        ClickHouseParser parser = parser(sql, sql);
        ClickHouseParser.ExpressionEofContext tree;
        try {
            tree = parser.expressionEof();
        } catch (ParseCancellationException sllFailed) {
            withFullContext(parser, sql);
            tree = parser.expressionEof();
        }
        return new AstBuilder(sql, null).expr(tree.expr());
    }

    /** A parse tree, and whether the SLL pass bailed out so that the LL pass made it. */
    private record Parsed<T>(T tree, boolean fullContext) {}

    private static Parsed<ClickHouseParser.StatementEofContext> parseTree(String fullText, String text) {
        return twoPasses(fullText, text, ClickHouseParser::statementEof);
    }

    /** Parses from {@code entry} in SLL mode, and again in LL mode when SLL bails out. */
    private static <T> Parsed<T> twoPasses(
            String fullText, String text, java.util.function.Function<ClickHouseParser, T> entry) {
        ClickHouseParser parser = parser(fullText, text);
        try {
            return new Parsed<>(entry.apply(parser), false);
        } catch (ParseCancellationException sllFailed) {
            withFullContext(parser, fullText);
            return new Parsed<>(entry.apply(parser), true);
        }
    }

    private static Parsed<ClickHouseParser.WithInsertEofContext> withInsertTree(String text) {
        return twoPasses(text, text, ClickHouseParser::withInsertEof);
    }

    /** Whether a statement is {@code WITH ... INSERT}: WITH first, then INSERT outside parentheses before any SELECT. */
    static boolean insertAfterWith(String text) {
        ClickHouseLexer lexer = new ClickHouseLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        if (lexer.nextToken().getType() != ClickHouseLexer.WITH) {
            return false;
        }
        int depth = 0;
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            switch (token.getType()) {
                case ClickHouseLexer.LPAREN -> depth++;
                case ClickHouseLexer.RPAREN -> depth--;
                case ClickHouseLexer.SELECT -> {
                    if (depth == 0) {
                        return false;
                    }
                }
                case ClickHouseLexer.INSERT -> {
                    if (depth == 0) {
                        return true;
                    }
                }
                default -> {}
            }
        }
        return false;
    }

    /** A parser over {@code text} in SLL mode that bails out at the first error. */
    private static ClickHouseParser parser(String fullText, String text) {
        ClickHouseLexer lexer = new ClickHouseLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new ThrowingListener(fullText));
        ClickHouseParser parser = new ClickHouseParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        return parser;
    }

    /** Rewinds a parser that bailed out and switches it to full-context prediction with ClickHouse-worded errors. */
    private static void withFullContext(ClickHouseParser parser, String fullText) {
        parser.reset();
        parser.addErrorListener(new ThrowingListener(fullText));
        parser.setErrorHandler(new DefaultErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
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
