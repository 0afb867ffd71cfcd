package io.columba.sql.ast;

import java.util.List;

/** {@code s1 PARALLEL WITH s2 [PARALLEL WITH ...]}: statements run at the same time; two or more, in written order. */
public record ParallelWithStatement(List<Statement> statements) implements Statement {

    public ParallelWithStatement {
        statements = List.copyOf(statements);
    }
}
