package io.columba.server.query;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.executor.format.OutputFormats;
import io.columba.executor.operator.QueryContext;
import io.columba.server.http.Cancellation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Runs one statement and renders its result in the format of its FORMAT clause, or {@code defaultFormat} when it
 * has none. The statement runs under a context of the request's {@link Cancellation}, so it stops when the client
 * goes away. Errors are the executor's {@code ColumbaException}s.
 */
public final class QueryRunner {
    /** Runs one statement under a query context (a database, or a workspace, which runs materialized views). */
    @FunctionalInterface
    public interface Statements {
        QueryResult execute(String sql, QuerySettings settings, QueryContext context);
    }

    private final Statements statements;

    public QueryRunner(Database database) {
        this(database::execute);
    }

    /** A runner handing each statement to {@code statements}. */
    public QueryRunner(Statements statements) {
        this.statements = statements;
    }

    /** The rendered result; {@code format} is null and {@code body} empty for statements without a result set. */
    public record RenderedResult(QueryResult result, String format, byte[] body) {
        public String contentType() {
            return OutputFormats.contentType(format);
        }
    }

    public RenderedResult run(
            String sql,
            QuerySettings settings,
            String defaultFormat,
            FormatSettings formatSettings,
            Cancellation cancellation) {
        QueryContext context = cancellation.start(settings);
        QueryResult result;
        try {
            result = statements.execute(sql, settings, context);
        } finally {
            cancellation.finished(context);
        }
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
