package io.columba.sql.ast;

import java.util.List;
import java.util.Map;

/** {@code ALTER TABLE t command [, command ...] [SETTINGS ...]}; {@code settings} is empty when absent. */
public record AlterStatement(
        String database, String table, List<AlterCommand> commands, Map<String, Expression> settings)
        implements Statement {

    public AlterStatement {
        commands = List.copyOf(commands);
        settings = Map.copyOf(settings);
    }

    public AlterStatement(String database, String table, List<AlterCommand> commands) {
        this(database, table, commands, Map.of());
    }
}
