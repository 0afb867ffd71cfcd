package io.columba.server.query;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.executor.format.OutputFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Runs one statement and renders its result in the format of its FORMAT clause, or {@code defaultFormat} when it
 * has none. Errors are the executor's {@code ColumbaException}s.
 */
public final class QueryRunner {
    private final Database database;

    public QueryRunner(Database database) {
        this.database = database;
    }

    /** The rendered result; {@code format} is null and {@code body} empty for statements without a result set. */
    public record RenderedResult(QueryResult result, String format, byte[] body) {
        public String contentType() {
            return OutputFormats.contentType(format);
        }
    }

    public RenderedResult run(String sql, QuerySettings settings, String defaultFormat, FormatSettings formatSettings) {
        QueryResult result = database.execute(sql, settings);
        if (!result.hasResultSet()) {
            return new RenderedResult(result, null, new byte[0]);
        }
        String format = result.format() != null ? result.format() : defaultFormat;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OutputFormats.write(result, format, formatSettings.with(settings), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the result", e);
        }
        return new RenderedResult(result, format, out.toByteArray());
    }
}
