package io.columba.storage.error;

/**
 * The one exception type of Columba: a ClickHouse {@link ErrorCode} plus a message that says what was expected
 * and what was found.
 */
public final class ColumbaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    public ColumbaException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public ColumbaException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The text ClickHouse prints: {@code Code: 62. DB::Exception: message. (SYNTAX_ERROR)}. */
    public String toClickHouseText() {
        String message = getMessage();
        String ending = message.endsWith(".") ? "" : ".";
        return "Code: " + errorCode.code() + ". DB::Exception: " + message + ending + " (" + errorCode.name() + ")";
    }
}
