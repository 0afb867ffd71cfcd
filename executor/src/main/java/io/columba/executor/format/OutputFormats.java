package io.columba.executor.format;

import io.columba.executor.QueryResult;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;

/** Writes query results in ClickHouse's text formats, byte for byte as ClickHouse does. */
public final class OutputFormats {
    private OutputFormats() {}

    /** Whether {@code name} is a format this server writes (case-sensitive, as in ClickHouse). */
    public static boolean isSupported(String name) {
        return false;
    }

    /** The Content-Type ClickHouse sends for the format. */
    public static String contentType(String name) {
        return "text/plain; charset=UTF-8";
    }

    public static void write(QueryResult result, String format, FormatSettings settings, OutputStream out)
            throws IOException {
        throw new ColumbaException(ErrorCode.UNKNOWN_FORMAT, "Unknown format " + format);
    }
}
