package io.columba.sql.ast;

/**
 * A command on one table that reads or changes no rows: {@code DETACH TABLE t}, {@code ATTACH TABLE t},
 * {@code SHOW CREATE TABLE t}, {@code CHECK TABLE t}; {@code database} is null when unqualified.
 */
public record TableCommandStatement(Command command, String database, String table) implements Statement {

    /** The command. */
    public enum Command {
        DETACH,
        ATTACH,
        SHOW_CREATE,
        SHOW_CREATE_DICTIONARY,
        CHECK
    }
}
