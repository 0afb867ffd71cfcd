package io.columba.sql.ast;

import java.util.Map;

/** {@code DELETE FROM t WHERE condition [SETTINGS ...]}: the lightweight delete. */
public record DeleteStatement(String database, String table, Expression where, Map<String, Expression> settings)
        implements Statement {

    public DeleteStatement {
        settings = Map.copyOf(settings);
    }

    public DeleteStatement(String database, String table, Expression where) {
        this(database, table, where, Map.of());
    }
}
