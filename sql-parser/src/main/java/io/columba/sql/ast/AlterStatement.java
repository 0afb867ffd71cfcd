package io.columba.sql.ast;

import java.util.List;

/** {@code ALTER TABLE t command [, command ...]}. */
public record AlterStatement(String database, String table, List<AlterCommand> commands) implements Statement {

    public AlterStatement {
        commands = List.copyOf(commands);
    }
}
