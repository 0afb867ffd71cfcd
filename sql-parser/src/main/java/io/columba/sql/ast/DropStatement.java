package io.columba.sql.ast;

/**
 * {@code DROP DATABASE | VIEW | DICTIONARY [IF EXISTS] name} ({@code DROP TABLE} is {@link DropTableStatement});
 * {@code database} is null for a database or an unqualified name.
 */
public record DropStatement(Kind kind, boolean ifExists, String database, String name) implements Statement {

    /** What is dropped. */
    public enum Kind {
        DATABASE,
        VIEW,
        DICTIONARY
    }
}
