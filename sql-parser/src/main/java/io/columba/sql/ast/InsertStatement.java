package io.columba.sql.ast;

import java.util.List;

/**
 * {@code INSERT INTO t [(columns)]} followed by exactly one of: VALUES rows, {@code FORMAT name} with the raw
 * data that followed it, or a SELECT. {@code columns} is empty when not listed.
 */
public record InsertStatement(
        String database,
        String table,
        List<String> columns,
        List<List<Expression>> values,
        String format,
        String data,
        SelectUnion select)
        implements Statement {

    public InsertStatement {
        columns = List.copyOf(columns);
        values = values == null ? null : values.stream().map(List::copyOf).toList();
    }
}
