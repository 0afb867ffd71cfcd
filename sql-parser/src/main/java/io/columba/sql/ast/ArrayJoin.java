package io.columba.sql.ast;

import java.util.List;

/** {@code [LEFT] ARRAY JOIN expression [AS alias], ...}: one row per array element. */
public record ArrayJoin(boolean left, List<Expression> expressions) implements JoinClause {

    public ArrayJoin {
        expressions = List.copyOf(expressions);
    }
}
