package io.columba.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.executor.format.OutputFormats;
import io.columba.storage.error.ColumbaException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAppenderTest {
    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void createTable() {
        database = Database.open(folder.resolve("database"));
        database.execute(
                "CREATE TABLE events (id UInt32, name String) ENGINE = MergeTree ORDER BY id", QuerySettings.DEFAULTS);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void appendsNdjsonInBatches() throws IOException {
        Path file = folder.resolve("events.ndjson");
        Files.writeString(file, """
                {"id": 1, "name": "a"}
                {"id": 2, "name": "b"}

                {"id": 3, "name": "c"}
                {"id": 4, "name": "d"}
                {"id": 5, "name": "e"}
                """);

        long rows = new FileAppender(database, 2).append("events", file);

        assertThat(rows).isEqualTo(5);
        assertThat(count("SELECT count() FROM events")).isEqualTo(5);
        assertThat(count("SELECT sum(id) FROM events")).isEqualTo(15);
    }

    @Test
    void appendsCsvWithQuotedNewlines() throws IOException {
        String csv = "1,\"first\nline\"\r\n2,plain\n3,\"with \"\"quotes\"\"\"\n";

        long rows = new FileAppender(database, 1)
                .append("events", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), InputFormat.CSV);

        assertThat(rows).isEqualTo(3);
        assertThat(count("SELECT count() FROM events WHERE name = 'first\nline'"))
                .isEqualTo(1);
    }

    @Test
    void appendsTsv() throws IOException {
        Path file = folder.resolve("events.tsv");
        Files.writeString(file, "1\ta\n2\tb c\n3\t\n");

        long rows = new FileAppender(database, 2).append("events", file);

        assertThat(rows).isEqualTo(3);
        assertThat(count("SELECT sum(id) FROM events WHERE name != ''")).isEqualTo(3);
    }

    @Test
    void parallelBatchesAppendEveryRowAndReportProgress() throws IOException {
        StringBuilder tsv = new StringBuilder();
        for (int id = 1; id <= 100; id++) {
            tsv.append(id).append("\tname").append(id).append('\n');
        }
        List<Long> progress = new ArrayList<>();

        long rows = new FileAppender(database, 7, 3)
                .append(
                        "events",
                        new ByteArrayInputStream(tsv.toString().getBytes(StandardCharsets.UTF_8)),
                        InputFormat.TSV,
                        progress::add);

        assertThat(rows).isEqualTo(100);
        assertThat(count("SELECT count() FROM events")).isEqualTo(100);
        assertThat(count("SELECT sum(id) FROM events")).isEqualTo(5050);
        assertThat(progress).hasSize(15).isSorted().endsWith(100L);
    }

    @Test
    void parallelFailureNamesTheEarliestFailingBatch() {
        String tsv = "1\ta\n2\tb\nx\tc\n4\td\ny\te\n6\tf\n";

        assertThatThrownBy(() -> new FileAppender(database, 1, 2)
                        .append(
                                "events",
                                new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)),
                                InputFormat.TSV))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("changed nothing")
                .hasMessageContaining("in parallel");
        assertThat(count("SELECT count() FROM events")).isZero();
    }

    @Test
    void aFailingAppendChangesNothingAndSaysWhereTheFailingBatchStarted() throws IOException {
        Path file = folder.resolve("bad.ndjson");
        Files.writeString(file, "{\"id\": 1, \"name\": \"a\"}\n{\"id\": \"not a number\", \"name\": \"b\"}\n");

        assertThatThrownBy(() -> new FileAppender(database, 1).append("events", file))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("the append changed nothing")
                .hasMessageContaining("bad.ndjson");
        assertThat(count("SELECT count() FROM events")).isZero();
    }

    @Test
    void unclosedCsvQuoteIsAnError() {
        byte[] csv = "1,\"never closed\n2,x\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() ->
                        new FileAppender(database).append("events", new ByteArrayInputStream(csv), InputFormat.CSV))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("line 1");
        assertThat(count("SELECT count() FROM events")).isZero();
    }

    @Test
    void formatComesFromTheExtension() {
        assertThat(InputFormat.of(Path.of("a/b.ndjson"))).isEqualTo(InputFormat.NDJSON);
        assertThat(InputFormat.of(Path.of("b.CSV"))).isEqualTo(InputFormat.CSV);
        assertThat(InputFormat.of(Path.of("hits.tsv"))).isEqualTo(InputFormat.TSV);
        assertThat(InputFormat.of(Path.of("b.parquet"))).isEqualTo(InputFormat.PARQUET);
        assertThatThrownBy(() -> InputFormat.of(Path.of("b.xlsx"))).hasMessageContaining(".ndjson");
    }

    private long count(String sql) {
        QueryResult result = database.execute(sql, QuerySettings.forReading());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OutputFormats.write(result, "TabSeparated", FormatSettings.CLICKHOUSE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Long.parseLong(out.toString(StandardCharsets.UTF_8).strip());
    }
}
