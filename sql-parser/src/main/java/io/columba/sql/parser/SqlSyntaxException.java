package io.columba.sql.parser;

/**
 * A statement that does not parse. {@code position} is 1-based in characters from the start of the query, as
 * ClickHouse reports it; {@code line} and {@code column} are 1-based too.
 */
public final class SqlSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int position;
    private final int line;
    private final int column;
    private final boolean nestingTooDeep;

    public SqlSyntaxException(String message, int position, int line, int column) {
        this(message, position, line, column, false);
    }

    SqlSyntaxException(String message, int position, int line, int column, boolean nestingTooDeep) {
        super(message);
        this.position = position;
        this.line = line;
        this.column = column;
        this.nestingTooDeep = nestingTooDeep;
    }

    /** Whether the statement was refused for nesting brackets too deep (ClickHouse's TOO_DEEP_RECURSION). */
    public boolean nestingTooDeep() {
        return nestingTooDeep;
    }

    public int position() {
        return position;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
