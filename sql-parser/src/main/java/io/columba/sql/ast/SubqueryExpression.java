package io.columba.sql.ast;

import java.util.List;

/**
 * A parenthesized SELECT used as a value ({@code (SELECT max(x) FROM t)}) or as the right side of IN.
 * {@code columnAliases} rename its columns in order when it is a common table expression written with them
 * ({@code WITH t (a, b) AS (SELECT 1, 2)}); empty otherwise.
 */
public record SubqueryExpression(SelectUnion query, List<String> columnAliases) implements Expression {

    public SubqueryExpression {
        columnAliases = List.copyOf(columnAliases);
    }

    public SubqueryExpression(SelectUnion query) {
        this(query, List.of());
    }
}
