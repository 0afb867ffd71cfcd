package io.columba.server.query;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.executor.format.OutputFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

/**
 * Runs one statement and renders its result in the format of its FORMAT clause, or {@code defaultFormat} when it
 * has none. Errors are the executor's {@code ColumbaException}s.
 */
public final class QueryRunner {
    private final BiFunction<String, QuerySettings, QueryResult> statements;

    public QueryRunner(Database database) {
        this(database::execute);
    }

    /** A runner handing each statement to {@code statements} (such as a workspace, which runs materialized views). */
    public QueryRunner(BiFunction<String, QuerySettings, QueryResult> statements) {
        this.statements = statements;
    }

    /** The rendered result; {@code format} is null and {@code body} empty for statements without a result set. */
    public record RenderedResult(QueryResult result, String format, byte[] body) {
        public String contentType() {
            return OutputFormats.contentType(format);
        }
    }

    public RenderedResult run(String sql, QuerySettings settings, String defaultFormat, FormatSettings formatSettings) {
        QueryResult result = statements.apply(sql, settings);
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
