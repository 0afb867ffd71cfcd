package io.columba.sql.ast;

import java.util.List;

/**
 * {@code SYSTEM command [table]}, such as {@code SYSTEM STOP MERGES t} or {@code SYSTEM FLUSH LOGS}: the command's
 * words upper-cased, and the table it names (null when it names none; {@code database} null when unqualified).
 */
public record SystemStatement(List<String> command, String database, String table) implements Statement {

    public SystemStatement {
        command = List.copyOf(command);
    }
}
