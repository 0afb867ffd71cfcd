package io.columba.sql.ast;

import java.util.List;

/**
 * {@code [GLOBAL] [kind] [strictness] JOIN table [ON condition | USING columns]}, or a comma between tables
 * ({@code kind} COMMA). {@code on} is null and {@code using} empty when absent.
 */
public record TableJoin(
        TableExpression table, Kind kind, Strictness strictness, boolean global, Expression on, List<Expression> using)
        implements JoinClause {

    public TableJoin {
        using = List.copyOf(using);
    }

    /** The join kind; a bare JOIN is INNER. */
    public enum Kind {
        INNER,
        LEFT,
        RIGHT,
        FULL,
        CROSS,
        COMMA,
        PASTE
    }

    /** The strictness written before or after the kind; UNSPECIFIED when none (the join_default_strictness). */
    public enum Strictness {
        UNSPECIFIED,
        ANY,
        ALL,
        ASOF,
        SEMI,
        ANTI
    }
}
