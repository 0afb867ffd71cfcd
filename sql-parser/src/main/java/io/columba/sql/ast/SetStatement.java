package io.columba.sql.ast;

import java.util.Map;

/** {@code SET name = value, ...}: settings for the statements that follow in the same session. */
public record SetStatement(Map<String, Expression> settings) implements Statement {
    public SetStatement {
        settings = Map.copyOf(settings);
    }
}
