package io.columba.sql.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of ClickHouse's {@code EXPLAIN AST} tree: the node's id ({@code Function plus}), its alias or null, and
 * its children.
 */
public record ExplainNode(String id, String alias, List<ExplainNode> children) {

    public ExplainNode {
        children = List.copyOf(children);
    }

    public static ExplainNode leaf(String id) {
        return new ExplainNode(id, null, List.of());
    }

    public static ExplainNode of(String id, ExplainNode... children) {
        return new ExplainNode(id, null, List.of(children));
    }

    public static ExplainNode of(String id, List<ExplainNode> children) {
        return new ExplainNode(id, null, children);
    }

    public ExplainNode withAlias(String newAlias) {
        return new ExplainNode(id, newAlias, children);
    }

    /** The tree as ClickHouse prints it: one space of indent per level, {@code (alias a)}, {@code (children n)}. */
    public String render() {
        StringBuilder out = new StringBuilder();
        render(out, 0);
        return out.toString();
    }

    private void render(StringBuilder out, int depth) {
        out.repeat(' ', depth).append(id);
        if (alias != null) {
            out.append(" (alias ").append(alias).append(')');
        }
        if (!children.isEmpty()) {
            out.append(" (children ").append(children.size()).append(')');
        }
        out.append('\n');
        for (ExplainNode child : children) {
            child.render(out, depth + 1);
        }
    }

    /** A list node, {@code ExpressionList} by default. */
    static ExplainNode list(String id, List<ExplainNode> children) {
        return new ExplainNode(id, null, new ArrayList<>(children));
    }
}
