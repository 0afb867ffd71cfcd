package io.columba.sql.ast;

import java.util.List;
import java.util.Map;

/**
 * {@code INSERT INTO t [(columns)]} followed by exactly one of: VALUES rows, {@code FORMAT name} with the raw
 * data that followed it, or a SELECT. {@code columns} is empty when not listed; {@code settings} are those written
 * before the data ({@code INSERT INTO t SETTINGS a = 1 VALUES ...}). {@code asteriskColumns}: the columns were
 * written {@code (*)}, which lists every column as no list does ({@code columns} is empty then too). A SELECT that
 * reads the data through {@code input(...)} comes with the format and data that follow it. {@code fromInfile} is the
 * file of {@code FROM INFILE 'file'} (the client sends its data; null when not written) and {@code infileCompression}
 * its {@code COMPRESSION 'method'} (null when not written).
 */
public record InsertStatement(
        String database,
        String table,
        List<String> columns,
        List<List<Expression>> values,
        String format,
        String data,
        SelectUnion select,
        Map<String, Expression> settings,
        boolean asteriskColumns,
        String fromInfile,
        String infileCompression)
        implements Statement {

    public InsertStatement {
        columns = List.copyOf(columns);
        settings = Map.copyOf(settings);
        values = values == null ? null : values.stream().map(List::copyOf).toList();
    }
}
