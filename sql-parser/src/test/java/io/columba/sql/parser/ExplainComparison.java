package io.columba.sql.parser;

import io.columba.sql.ast.Statement;
import io.columba.sql.explain.ExplainAstPrinter;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares our {@code EXPLAIN AST} of one corpus file with ClickHouse's. The expected file holds one tree per
 * statement, separated by blank lines; {@code <Explain Error>} stands for a statement ClickHouse rejected (it
 * matches when we reject it too) and {@code <Query Parameters>} for one with {@code {name:Type}} placeholders
 * (it matches when we parse it into a tree with a query parameter).
 */
record ExplainComparison(boolean identical, String reason, String detail) {
    static final String EXPLAIN_ERROR = "<Explain Error>";
    private static final String QUERY_PARAMETERS = "<Query Parameters>";

    static ExplainComparison compare(List<String> statements, String expectedText) {
        List<String> expected = blocks(expectedText);
        if (expected.size() != statements.size()) {
            return new ExplainComparison(
                    false,
                    "statement count differs",
                    statements.size() + " statements, " + expected.size() + " expected trees");
        }
        for (int i = 0; i < statements.size(); i++) {
            ExplainComparison one = compareOne(statements.get(i), expected.get(i));
            if (!one.identical()) {
                return one;
            }
        }
        return new ExplainComparison(true, null, null);
    }

    private static ExplainComparison compareOne(String sql, String expected) {
        String printed;
        try {
            Statement statement = SqlParser.parse(sql);
            printed = ExplainAstPrinter.print(statement).stripTrailing();
        } catch (RuntimeException failed) {
            if (expected.equals(EXPLAIN_ERROR)) {
                return new ExplainComparison(true, null, null);
            }
            String kind = failed instanceof SqlSyntaxException ? "syntax error" : "parser crash";
            return new ExplainComparison(false, kind, sql.strip() + "\n" + failed.getMessage());
        }
        if (expected.equals(EXPLAIN_ERROR)) {
            return new ExplainComparison(false, "ClickHouse rejects, we accept", sql.strip());
        }
        if (expected.equals(QUERY_PARAMETERS)) {
            boolean matches = printed.contains("QueryParameter ");
            return new ExplainComparison(matches, matches ? null : "query parameters lost", sql.strip());
        }
        if (printed.equals(expected)) {
            return new ExplainComparison(true, null, null);
        }
        return firstDifference(sql, expected, printed);
    }

    /** The reason is the first differing line's node kinds: {@code expected X, printed Y}. */
    private static ExplainComparison firstDifference(String sql, String expected, String printed) {
        String[] want = expected.split("\n", -1);
        String[] got = printed.split("\n", -1);
        int line = 0;
        while (line < want.length && line < got.length && want[line].equals(got[line])) {
            line++;
        }
        String wanted = line < want.length ? want[line] : "(end)";
        String found = line < got.length ? got[line] : "(end)";
        String reason = "expected " + kind(wanted) + ", printed " + kind(found);
        String detail = sql.strip() + "\n--- line " + (line + 1) + "\nexpected: " + wanted + "\nprinted:  " + found
                + "\n--- expected\n" + expected + "\n--- printed\n" + printed;
        return new ExplainComparison(false, reason, detail);
    }

    /** The node kind of a line: its id's first word, and the function's name for functions. */
    private static String kind(String line) {
        String[] words = line.strip().split(" ");
        if (words.length > 1 && (words[0].equals("Function") || words[0].equals("AlterCommand"))) {
            return words[0] + " " + words[1];
        }
        if (words[0].equals("Literal") && words.length > 1) {
            int underscore = words[1].indexOf('_');
            return "Literal " + (underscore > 0 ? words[1].substring(0, underscore) : words[1].substring(0, 1));
        }
        return words[0];
    }

    static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        for (String block : text.strip().split("\n\n")) {
            blocks.add(block.stripTrailing());
        }
        return blocks;
    }
}
