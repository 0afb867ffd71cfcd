package io.columba.ingest.buffer;

import static io.columba.ingest.TestQueries.tsv;
import static org.assertj.core.api.Assertions.assertThat;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.ingest.log.InsertLog;
import io.columba.storage.block.Block;
import io.columba.storage.column.LongColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsertBufferTest {
    private static final BufferSettings SLOW = BufferSettings.DEFAULTS.withFlushDelay(Duration.ofHours(1));

    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("database"));
        database.execute("CREATE TABLE t (id UInt32) ENGINE = MergeTree ORDER BY id", QuerySettings.DEFAULTS);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static TableRows rows(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int id = from; id < to; id++) {
            text.append("{\"id\":\"").append(id).append("\"}\n");
        }
        return new TableRows("t", to - from, text.toString());
    }

    @Test
    void waitedRowsAreInTheTableWhenTheFutureCompletes() {
        try (InsertBuffer buffer = InsertBuffer.open(database, folder.resolve("log"), SLOW)) {
            List<CompletableFuture<Void>> applied = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                applied.add(buffer.submit(List.of(rows(i * 10, i * 10 + 10)), true));
            }
            applied.forEach(CompletableFuture::join);

            assertThat(tsv(database, "SELECT count(), sum(id) FROM t")).isEqualTo("100\t4950\n");
        }
    }

    @Test
    void rowsNotYetInsertedWhenTheProcessStopsAreInsertedOnOpening() {
        try (InsertLog log = InsertLog.open(folder.resolve("log"), 1 << 20)) {
            log.sync(log.appendRows("t", 5, rows(0, 5).rows()));
        }

        try (InsertBuffer buffer = InsertBuffer.open(database, folder.resolve("log"), SLOW)) {
            assertThat(tsv(database, "SELECT count(), sum(id) FROM t")).isEqualTo("5\t10\n");
        }
        try (InsertBuffer buffer = InsertBuffer.open(database, folder.resolve("log"), SLOW)) {
            assertThat(tsv(database, "SELECT count() FROM t"))
                    .as("not inserted twice")
                    .isEqualTo("5\n");
        }
    }

    @Test
    void convertedRowsAreInsertedOnceAcrossARestartAndTakeTheTypeTheColumnHasThen() {
        database.execute("CREATE TABLE u (id UInt32, v UInt32) ENGINE = MergeTree ORDER BY id", QuerySettings.DEFAULTS);
        List<DataType> types = List.of(IntegerType.UINT32, IntegerType.UINT32);
        Block block =
                new Block(3, List.of(new LongColumn(new long[] {1, 2, 3}), new LongColumn(new long[] {10, 20, 30})));
        try (InsertBuffer buffer = InsertBuffer.open(database, folder.resolve("log"), SLOW)) {
            buffer.submit(List.of(new TableRows("u", List.of("id", "v"), types, block)), true)
                    .join();
            assertThat(tsv(database, "SELECT count(), sum(id) FROM u")).isEqualTo("3\t6\n");
        }
        try (InsertLog log = InsertLog.open(folder.resolve("log"), 1 << 20)) {
            log.sync(log.appendBlock("u", List.of("id", "v"), types, block));
        }
        database.execute("ALTER TABLE u MODIFY COLUMN v String", QuerySettings.DEFAULTS);

        try (InsertBuffer buffer = InsertBuffer.open(database, folder.resolve("log"), SLOW)) {
            assertThat(tsv(database, "SELECT count(), toTypeName(any(v)), max(v) FROM u"))
                    .isEqualTo("6\tString\t30\n");
        }
        try (InsertBuffer buffer = InsertBuffer.open(database, folder.resolve("log"), SLOW)) {
            assertThat(tsv(database, "SELECT count() FROM u"))
                    .as("not inserted twice")
                    .isEqualTo("6\n");
        }
    }

    @Test
    void anInsertThatCommittedBeforeItsAppliedRecordIsNotRepeated() {
        try (InsertLog log = InsertLog.open(folder.resolve("log"), 1 << 20)) {
            long sequence = log.appendRows("t", 5, rows(0, 5).rows());
            log.sync(sequence);
            log.intent("t", TableBlocks.maxBlock(database, "t"), List.of(sequence));
            database.execute("INSERT INTO t FORMAT JSONEachRow\n" + rows(0, 5).rows(), QuerySettings.DEFAULTS);
            // The process stops here, before the applied record.
        }

        try (InsertBuffer buffer = InsertBuffer.open(database, folder.resolve("log"), SLOW)) {
            assertThat(tsv(database, "SELECT count() FROM t")).isEqualTo("5\n");
        }
    }

    @Test
    void anInsertAnnouncedButNotCommittedIsRepeated() {
        database.execute("INSERT INTO t VALUES (100)", QuerySettings.DEFAULTS);
        try (InsertLog log = InsertLog.open(folder.resolve("log"), 1 << 20)) {
            long sequence = log.appendRows("t", 5, rows(0, 5).rows());
            log.sync(sequence);
            log.intent("t", TableBlocks.maxBlock(database, "t"), List.of(sequence));
            // The process stops here, before the insert commits.
        }

        try (InsertBuffer buffer = InsertBuffer.open(database, folder.resolve("log"), SLOW)) {
            assertThat(tsv(database, "SELECT count() FROM t")).isEqualTo("6\n");
        }
    }

    @Test
    void rowsThatNeverInsertAreSetAsideAndDoNotBlockOthers() {
        try (InsertBuffer buffer = InsertBuffer.open(database, folder.resolve("log"), SLOW)) {
            CompletableFuture<Void> bad = buffer.submit(List.of(new TableRows("t", 1, "{\"id\":\"x\"}\n")), true);
            CompletableFuture<Void> good = buffer.submit(List.of(rows(0, 3)), true);

            good.join();
            assertThat(bad).failsWithin(Duration.ofMinutes(1));
            assertThat(tsv(database, "SELECT count() FROM t")).isEqualTo("3\n");
            assertThat(folder.resolve("log").resolve("rejected")).isNotEmptyDirectory();
        }
    }

    @Test
    void closingInsertsWhatIsPending() {
        try (InsertBuffer buffer = InsertBuffer.open(database, folder.resolve("log"), SLOW)) {
            buffer.submit(List.of(rows(0, 7)), false);
        }

        assertThat(tsv(database, "SELECT count() FROM t")).isEqualTo("7\n");
    }

    @Test
    void tabSeparatedAndJsonEachRowRecordsOfOneTableRecoverTogether() {
        try (InsertLog log = InsertLog.open(folder.resolve("log"), 1 << 20)) {
            log.appendRows("t", 2, rows(0, 2).rows());
            log.appendRows("t", 3, List.of("id"), "2\n3\n4\n");
            log.sync(log.appendRows("t", 1, rows(5, 6).rows()));
        }

        try (InsertBuffer buffer = InsertBuffer.open(database, folder.resolve("log"), SLOW)) {
            assertThat(tsv(database, "SELECT count(), sum(id) FROM t")).isEqualTo("6\t15\n");
        }
    }

    @Test
    void tabSeparatedRowsKeepTheirEscapes() {
        database.execute(
                "CREATE TABLE s (id UInt32, text Nullable(String)) ENGINE = MergeTree ORDER BY id",
                QuerySettings.DEFAULTS);
        try (InsertBuffer buffer = InsertBuffer.open(database, folder.resolve("log"), SLOW)) {
            buffer.submit(List.of(new TableRows("s", 2, List.of("id", "text"), "1\ta\\tb\\\\n\n2\t\\N\n")), true)
                    .join();

            assertThat(tsv(database, "SELECT id, length(text), text IS NULL FROM s ORDER BY id"))
                    .isEqualTo("1\t5\t0\n2\t\\N\t1\n");
        }
    }
}
