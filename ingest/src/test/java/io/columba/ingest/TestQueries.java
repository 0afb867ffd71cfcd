package io.columba.ingest;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.executor.format.OutputFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Runs a query in the tests and gives its result as text. */
public final class TestQueries {
    private TestQueries() {}

    public static String query(Database database, String sql, String format) {
        QueryResult result = database.execute(sql, QuerySettings.forReading());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OutputFormats.write(result, format, FormatSettings.CLICKHOUSE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public static String tsv(Database database, String sql) {
        return query(database, sql, "TabSeparated");
    }
}
