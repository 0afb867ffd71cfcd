package io.columba.ingest.events;

import static io.columba.ingest.AppendFixture.column;
import static io.columba.ingest.TestQueries.tsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.executor.Database;
import io.columba.ingest.AppendFixture;
import io.columba.ingest.InputFormat;
import io.columba.ingest.Inserter;
import io.columba.ingest.json.IngestSchema;
import io.columba.storage.engine.InsertTransaction;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasourceAppenderTest {
    private static final String TABLE =
            "CREATE TABLE events (id UInt32, name String, at DateTime) ENGINE = MergeTree ORDER BY id";

    @TempDir
    Path folder;

    private AppendFixture fixture;
    private Database database;
    private final IngestSchema schema = new IngestSchema(
            "events",
            List.of(
                    column("id", "UInt32", "$.id"),
                    column("name", "String", "$.name"),
                    column("at", "DateTime", "$.at")));

    @BeforeEach
    void open() {
        fixture = new AppendFixture(folder, TABLE);
        database = fixture.database();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private IngestResult append(String body, InputFormat format, Inserter inserter, int batchRows) throws IOException {
        return append(fixture.appender(inserter, batchRows), body, format, "import-1");
    }

    private IngestResult append(DatasourceAppender appender, String body, InputFormat format, String importId)
            throws IOException {
        return appender.append(
                schema,
                "events",
                List.of(),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                format,
                importId);
    }

    @Test
    void csvRowsThatDoNotConvertGoToTheQuarantine() throws IOException {
        String csv = """
                1,a,2025-01-02 03:04:05
                x,b,2025-01-02 03:04:05
                3,"quoted, with comma",2025-01-02 03:04:05
                4,d
                5,e,not a date
                6,f,2025-01-03 00:00:00
                """;

        IngestResult result = append(csv, InputFormat.CSV, Inserter.DIRECT, 2);

        assertThat(result).isEqualTo(new IngestResult(3, 3));
        assertThat(tsv(database, "SELECT id, name FROM events ORDER BY id"))
                .isEqualTo("1\ta\n3\tquoted, with comma\n6\tf\n");
        assertThat(tsv(
                        database,
                        "SELECT id, name, at, c__error_column, c__error, c__import_id FROM events_quarantine "
                                + "ORDER BY name"))
                .isEqualTo("x\tb\t2025-01-02 03:04:05\t['id']\t['value \\'x\\' on column \\'id\\' is not UInt32']"
                        + "\timport-1\n"
                        + "4\td\t\\N\t['']\t['expected 3 fields, found 2']\timport-1\n"
                        + "5\te\tnot a date\t['at']\t['value \\'not a date\\' on column \\'at\\' is not DateTime']"
                        + "\timport-1\n");
    }

    @Test
    void quarantinedRowsGoToTheTableAsTheyPileUpNotAllAtTheEnd() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            csv.append(i % 4 == 0 ? "bad" + i : Integer.toString(i))
                    .append(",n")
                    .append(i)
                    .append(",2025-01-02 03:04:05\n");
        }
        List<Integer> spilled = new ArrayList<>();
        Inserter counting = (table, insertion) -> {
            if (table.endsWith("_quarantine")) {
                spilled.add(1);
            }
            Inserter.DIRECT.insert(table, insertion);
        };

        // Batches of 50 rows (12 or 13 bad ones each), at most 2,000 characters of quarantined JSON held.
        IngestResult result =
                append(fixture.appender(counting, 50, 2_000), csv.toString(), InputFormat.CSV, "import-2");

        assertThat(result).isEqualTo(new IngestResult(750, 250));
        assertThat(spilled.size()).as("quarantine inserts").isGreaterThan(5);
        assertThat(quarantined()).isEqualTo(250);
        assertThat(tsv(database, "SELECT count(), min(name), max(name) FROM events_quarantine WHERE id LIKE 'bad%'"))
                .isEqualTo("250\tn0\tn996\n");
        assertThat(tsv(database, "SELECT count() FROM events")).isEqualTo("750\n");
    }

    @Test
    void tsvRowsThatDoNotConvertGoToTheQuarantineToo() throws IOException {
        IngestResult result = append(
                "1\ta\t2025-01-02 03:04:05\n2x\tb\\tc\t2025-01-02 03:04:05\n", InputFormat.TSV, Inserter.DIRECT, 10);

        assertThat(result).isEqualTo(new IngestResult(1, 1));
        assertThat(tsv(database, "SELECT name, c__error_column FROM events_quarantine"))
                .isEqualTo("b\\tc\t['id']\n");
    }

    @Test
    void aMalformedCsvChangesNothingWhateverBatchesCameBefore() {
        String csv = "1,a,2025-01-02 03:04:05\nx,b,2025-01-02 03:04:05\n3,c,2025-01-02 03:04:05\n"
                + "4,d,2025-01-02 03:04:05\n5,\"never closed,2025-01-02 03:04:05\n";

        assertThatThrownBy(() -> append(csv, InputFormat.CSV, Inserter.DIRECT, 1))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("never closed");

        assertThat(tsv(database, "SELECT count() FROM events")).isEqualTo("0\n");
        assertThat(quarantined()).isZero();
        assertThat(stagedFolders()).isEmpty();
    }

    @Test
    void quarantinedRowsAlreadySpilledAreGoneWhenTheFileFailsLater() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            csv.append("bad").append(i).append(",n").append(i).append(",2025-01-02 03:04:05\n");
        }
        csv.append("5,\"never closed,2025-01-02 03:04:05\n");

        assertThatThrownBy(() ->
                        append(fixture.appender(Inserter.DIRECT, 20, 500), csv.toString(), InputFormat.CSV, "import-3"))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("never closed");

        assertThat(quarantined()).isZero();
        assertThat(stagedFolders()).isEmpty();
    }

    @Test
    void aFailureAfterSomeBatchesChangesNothing() {
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            csv.append(i).append(",n").append(i).append(",2025-01-02 03:04:05\n");
        }
        csv.append("bad,row,2025-01-02 03:04:05\n");
        AtomicInteger inserts = new AtomicInteger();
        Inserter failingThird = (table, insertion) -> {
            if (inserts.incrementAndGet() == 3) {
                throw new ColumbaException(ErrorCode.CANNOT_OPEN_FILE, "disk went away");
            }
            insertion.into(table);
        };

        assertThatThrownBy(() -> append(csv.toString(), InputFormat.CSV, failingThird, 3))
                .hasMessageContaining("disk went away")
                .hasMessageContaining("changed nothing");

        assertThat(inserts.get()).isEqualTo(3);
        assertThat(tsv(database, "SELECT count() FROM events")).isEqualTo("0\n");
        assertThat(stagedFolders()).isEmpty();
    }

    @Test
    void aFailingNdjsonAppendChangesNothing() {
        String body = "{\"id\": 1, \"name\": \"a\", \"at\": \"2025-01-02 03:04:05\"}\n{\"id\": \"x\"}\n";
        AtomicInteger inserts = new AtomicInteger();
        Inserter failingQuarantine = (table, insertion) -> {
            if (inserts.incrementAndGet() == 2) {
                throw new ColumbaException(ErrorCode.CANNOT_OPEN_FILE, "disk went away");
            }
            insertion.into(table);
        };

        assertThatThrownBy(() -> append(body, InputFormat.NDJSON, failingQuarantine, 1))
                .hasMessageContaining("disk went away");

        assertThat(tsv(database, "SELECT count() FROM events")).isEqualTo("0\n");
        assertThat(quarantined()).isZero();
    }

    @Test
    void aCrashInTheMiddleOfAnAppendLeavesNothingOfItAfterARestart() throws IOException {
        String csv = "1,a,2025-01-02 03:04:05\n2,b,2025-01-02 03:04:05\nx,c,2025-01-02 03:04:05\n";
        InsertTransaction unfinished = new InsertTransaction();
        // Run inside a transaction that never commits: the append's batches and quarantine rows stay staged, as
        // when the process dies before the append ends.
        IngestResult staged = unfinished.run(() -> {
            try {
                return append(csv, InputFormat.CSV, Inserter.DIRECT, 1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(staged).isEqualTo(new IngestResult(2, 1));
        assertThat(tsv(database, "SELECT count() FROM events")).isEqualTo("0\n");
        fixture.close();
        fixture.reopen();
        database = fixture.database();

        assertThat(tsv(database, "SELECT count() FROM events")).isEqualTo("0\n");
        assertThat(quarantined()).isZero();
        assertThat(stagedFolders()).isEmpty();
        assertThat(append(csv, InputFormat.CSV, Inserter.DIRECT, 1)).isEqualTo(new IngestResult(2, 1));
        assertThat(tsv(database, "SELECT count() FROM events")).isEqualTo("2\n");
    }

    private long quarantined() {
        if (!database.tableExists("events_quarantine")) {
            return 0;
        }
        return Long.parseLong(
                tsv(database, "SELECT count() FROM events_quarantine").strip());
    }

    private List<Path> stagedFolders() {
        try (var files = java.nio.file.Files.walk(folder.resolve("database"))) {
            return files.filter(path -> path.getFileName().toString().startsWith("tmp_"))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
