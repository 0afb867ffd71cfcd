package io.columba.sql.explain;

import io.columba.sql.ast.Statement;

/**
 * Prints a statement as ClickHouse's {@code EXPLAIN AST} does: one node per line, one space of indent per level,
 * {@code (alias a)} and {@code (children n)} after the node's id.
 */
public final class ExplainAstPrinter {
    private ExplainAstPrinter() {}

    /** The tree's text, each line ending in a newline. */
    public static String print(Statement statement) {
        return tree(statement).render();
    }

    public static ExplainNode tree(Statement statement) {
        return new StatementExplainer(new QueryExplainer()).statement(statement);
    }
}
