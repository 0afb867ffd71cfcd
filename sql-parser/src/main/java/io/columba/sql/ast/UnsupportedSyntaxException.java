package io.columba.sql.ast;

/**
 * Syntax the parser reads but a plain-SELECT reader cannot execute yet (INTERSECT, EXCEPT, WINDOW, QUALIFY...):
 * thrown when such a reader asks for the plain view of a query, so the construct is refused, never ignored. The
 * executor answers it as ClickHouse's NOT_IMPLEMENTED.
 */
public final class UnsupportedSyntaxException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    public UnsupportedSyntaxException(String message) {
        super(message);
    }
}
