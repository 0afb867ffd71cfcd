package io.columba.server.clickhouse;

import io.columba.storage.error.ErrorCode;

/** The HTTP status ClickHouse answers for each error code (its exceptionCodeToHTTPStatus); 500 for the rest. */
final class ClickHouseHttpStatus {
    private ClickHouseHttpStatus() {}

    static int of(ErrorCode code) {
        return switch (code) {
            case AUTHENTICATION_FAILED, ACCESS_DENIED -> 403;
            case SYNTAX_ERROR,
                    BAD_ARGUMENTS,
                    CANNOT_PARSE_TEXT,
                    CANNOT_PARSE_INPUT_ASSERTION_FAILED,
                    CANNOT_PARSE_DATE,
                    CANNOT_PARSE_DATETIME,
                    CANNOT_PARSE_NUMBER,
                    TYPE_MISMATCH,
                    INCORRECT_DATA,
                    ILLEGAL_COLUMN,
                    THERE_IS_NO_COLUMN,
                    DUPLICATE_COLUMN,
                    VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE -> 400;
            case UNKNOWN_TABLE,
                    UNKNOWN_FUNCTION,
                    UNKNOWN_IDENTIFIER,
                    UNKNOWN_TYPE,
                    UNKNOWN_STORAGE,
                    UNKNOWN_DATABASE,
                    UNKNOWN_SETTING,
                    UNKNOWN_AGGREGATE_FUNCTION,
                    UNKNOWN_FORMAT,
                    UNKNOWN_TYPE_OF_QUERY -> 404;
            case QUERY_IS_TOO_LARGE -> 413;
            case NOT_IMPLEMENTED -> 501;
            case CANNOT_OPEN_FILE -> 503;
            case TIMEOUT_EXCEEDED -> 408;
            default -> 500;
        };
    }
}
