package io.columba.sql.ast;

import java.util.Map;

/**
 * {@code EXPLAIN [AST | SYNTAX | QUERY TREE | PLAN | PIPELINE | ESTIMATE | TABLE OVERRIDE] [setting = value, ...]
 * statement}; {@code kind} is the kind's words upper-cased, {@code "PLAN"} when none is written.
 */
public record ExplainStatement(String kind, Map<String, Expression> settings, Statement statement)
        implements Statement {

    public ExplainStatement {
        settings = Map.copyOf(settings);
    }
}
