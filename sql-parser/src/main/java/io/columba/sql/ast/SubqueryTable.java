package io.columba.sql.ast;

import java.util.List;

/**
 * {@code FROM (SELECT ...) [AS alias [(column, ...)]] [FINAL] [SAMPLE ratio]}; {@code columnAliases} rename the
 * subquery's columns in order (empty when not written), {@code sample} is null when absent.
 */
public record SubqueryTable(
        SelectUnion query, String alias, List<String> columnAliases, boolean fin, TableReference.Sample sample)
        implements TableExpression {

    public SubqueryTable {
        columnAliases = List.copyOf(columnAliases);
    }

    public SubqueryTable(SelectUnion query, String alias) {
        this(query, alias, List.of(), false, null);
    }
}
