package io.columba.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.executor.format.FormatSettings;
import io.columba.executor.format.OutputFormats;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path folder;

    private static String json(QueryResult result, FormatSettings settings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputFormats.write(result, "JSON", settings, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dataAndTablesSurviveReopening() {
        try (Database database = Database.open(folder)) {
            database.execute(
                    "CREATE TABLE events (ts DateTime, id UInt32, page String) ENGINE = MergeTree"
                            + " PARTITION BY toYYYYMM(ts) ORDER BY (ts, id)",
                    QuerySettings.DEFAULTS);
            database.execute(
                    "INSERT INTO events FORMAT JSONEachRow\n"
                            + "{\"ts\": \"2024-01-31 23:00:00\", \"id\": 1, \"page\": \"/a\"}\n"
                            + "{\"ts\": \"2024-02-01 01:00:00\", \"id\": 2, \"page\": \"/b\"}\n",
                    QuerySettings.DEFAULTS);
        }
        try (Database database = Database.open(folder)) {
            QueryResult result = database.execute(
                    "SELECT page, count() AS c FROM events WHERE ts >= '2024-02-01 00:00:00' GROUP BY page",
                    QuerySettings.DEFAULTS);
            assertThat(result.rowCount()).isEqualTo(1);
            assertThat(result.statistics().rowsRead()).isEqualTo(1);
            assertThat(database.tableNames()).containsExactly("events");
        }
    }

    @Test
    void alteredRenamedAndTruncatedTablesSurviveReopening() {
        try (Database database = Database.open(folder)) {
            database.execute(
                    "CREATE TABLE r (k UInt32, v String) ENGINE = ReplacingMergeTree ORDER BY k",
                    QuerySettings.DEFAULTS);
            database.execute("INSERT INTO r VALUES (1, 'a'), (1, 'b'), (2, 'c')", QuerySettings.DEFAULTS);
            database.execute("ALTER TABLE r ADD COLUMN n UInt64 DEFAULT k * 10", QuerySettings.DEFAULTS);
            database.execute("ALTER TABLE r DELETE WHERE k = 2", QuerySettings.DEFAULTS);
            database.execute("RENAME TABLE r TO renamed", QuerySettings.DEFAULTS);
            database.execute("CREATE TABLE gone (x UInt8) ENGINE = MergeTree ORDER BY x", QuerySettings.DEFAULTS);
            database.execute("INSERT INTO gone VALUES (1)", QuerySettings.DEFAULTS);
            database.execute("TRUNCATE TABLE gone", QuerySettings.DEFAULTS);
        }
        try (Database database = Database.open(folder)) {
            assertThat(database.tableNames()).containsExactly("gone", "renamed");
            QueryResult result = database.execute("SELECT k, v, n FROM renamed FINAL", QuerySettings.DEFAULTS);
            assertThat(result.rowCount()).isEqualTo(1);
            assertThat(((io.columba.storage.column.StringColumn)
                                    result.blocks().get(0).column(1))
                            .getString(0))
                    .isEqualTo("b");
            assertThat(((io.columba.storage.column.LongColumn)
                                    result.blocks().get(0).column(2).materialize())
                            .get(0))
                    .isEqualTo(10);
            assertThat(database.execute("SELECT count() FROM gone", QuerySettings.DEFAULTS)
                            .rowCount())
                    .isEqualTo(1);
            assertThat(((io.columba.storage.column.LongColumn)
                                    database.execute("SELECT count() FROM gone", QuerySettings.DEFAULTS)
                                            .blocks()
                                            .get(0)
                                            .column(0)
                                            .materialize())
                            .get(0))
                    .isZero();
        }
    }

    @Test
    void jsonOutputHasClickHouseShapeAndQuotes64BitIntegersOnlyWhenAsked() throws IOException {
        try (Database database = Database.open(folder)) {
            QueryResult result = database.execute("SELECT count() AS c, 'a/b' AS s LIMIT 1", QuerySettings.DEFAULTS);
            String clickhouse = json(result, FormatSettings.CLICKHOUSE);
            assertThat(clickhouse)
                    .startsWith(
                            "{\n\t\"meta\":\n\t[\n\t\t{\n\t\t\t\"name\": \"c\",\n\t\t\t\"type\": \"UInt64\"\n\t\t},")
                    .contains("\t\t\t\"c\": \"1\",\n\t\t\t\"s\": \"a\\/b\"\n")
                    .contains("\t\"rows\": 1,\n\n\t\"rows_before_limit_at_least\": 1,\n\n\t\"statistics\":\n\t{\n");
            assertThat(json(result, FormatSettings.TINYBIRD)).contains("\t\t\t\"c\": 1,\n");
        }
    }

    @Test
    void badStatementsFailWithClickHouseCodesAndChangeNothing() {
        try (Database database = Database.open(folder)) {
            database.execute("CREATE TABLE t (a UInt8) ENGINE = MergeTree ORDER BY a", QuerySettings.DEFAULTS);
            assertThatThrownBy(() -> database.execute(
                            "INSERT INTO t FORMAT JSONEachRow\n{\"a\": 1}\n{\"a\": \"x\"}\n", QuerySettings.DEFAULTS))
                    .isInstanceOf(ColumbaException.class);
            assertThat(database.execute("SELECT count() FROM t", QuerySettings.DEFAULTS)
                            .blocks()
                            .get(0)
                            .column(0))
                    .satisfies(c -> assertThat(((io.columba.storage.column.LongColumn) c).get(0))
                            .isZero());
            assertThatThrownBy(() -> database.execute("SELECT (".repeat(20_000) + "1", QuerySettings.DEFAULTS))
                    .isInstanceOf(ColumbaException.class);
            assertThatThrownBy(() -> database.execute("DROP TABLE t", QuerySettings.forReading()))
                    .extracting(e -> ((ColumbaException) e).errorCode())
                    .isEqualTo(ErrorCode.READONLY);
        }
    }

    @Test
    void backgroundTtlMergesDropExpiredRowsWithoutOptimize() throws InterruptedException {
        try (Database database = Database.open(folder)) {
            database.execute(
                    "CREATE TABLE t (ts DateTime, v UInt8) ENGINE = MergeTree ORDER BY ts"
                            + " TTL ts + INTERVAL 1 HOUR SETTINGS merge_with_ttl_timeout = 0",
                    QuerySettings.DEFAULTS);
            database.execute(
                    "INSERT INTO t VALUES ('2001-01-01 00:00:00', 1), ('2101-01-01 00:00:00', 2)",
                    QuerySettings.DEFAULTS);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            long count = 2;
            while (count != 1 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                QueryResult result = database.execute("SELECT count() FROM t", QuerySettings.DEFAULTS);
                count = ((io.columba.storage.column.LongColumn)
                                result.blocks().get(0).column(0).materialize())
                        .get(0);
            }
            assertThat(count).as("rows left after the background TTL merge").isEqualTo(1);
        }
        try (Database reopened = Database.open(folder)) {
            QueryResult result = reopened.execute("SELECT sum(v) FROM t", QuerySettings.DEFAULTS);
            assertThat(((io.columba.storage.column.LongColumn)
                                    result.blocks().get(0).column(0).materialize())
                            .get(0))
                    .isEqualTo(2);
        }
    }

    @Test
    void bulkInsertsReadFormatBytesWithoutSql() throws IOException {
        try (Database database = Database.open(folder)) {
            database.execute(
                    "CREATE TABLE b (id UInt32, name String, day Date, note String DEFAULT 'none')"
                            + " ENGINE = MergeTree ORDER BY id",
                    QuerySettings.DEFAULTS);
            byte[] tsv = "1\tпривет\t2024-01-02\n2\ttab\\there\t2024-01-03\n".getBytes(StandardCharsets.UTF_8);
            byte[] framed = new byte[tsv.length + 10];
            System.arraycopy(tsv, 0, framed, 5, tsv.length);
            long rows = database.insert(
                    "b", java.util.List.of("id", "name", "day"), "TabSeparated", framed, 5, 5 + tsv.length);
            byte[] json = "{\"id\": 3, \"name\": \"é\", \"day\": \"2024-01-04\", \"note\": \"n\"}"
                    .getBytes(StandardCharsets.UTF_8);
            rows += database.insert("b", java.util.List.of(), "JSONEachRow", json, 0, json.length);
            assertThat(rows).isEqualTo(3);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OutputFormats.write(
                    database.execute("SELECT * FROM b ORDER BY id", QuerySettings.DEFAULTS),
                    "TabSeparated",
                    FormatSettings.CLICKHOUSE,
                    out);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .isEqualTo("1\tпривет\t2024-01-02\tnone\n2\ttab\\there\t2024-01-03\tnone\n3\té\t2024-01-04\tn\n");
        }
    }

    @Test
    void blocksAreInsertedSortedWithDefaultsAndConvertedToTheColumnTypes() throws IOException {
        try (Database database = Database.open(folder)) {
            database.execute(
                    "CREATE TABLE k (id UInt8, name String, score Float64, note String DEFAULT concat(name, '!'))"
                            + " ENGINE = MergeTree ORDER BY id",
                    QuerySettings.DEFAULTS);
            io.columba.storage.column.StringColumnBuilder names = new io.columba.storage.column.StringColumnBuilder(3);
            for (String name : java.util.List.of("c", "a", "b")) {
                names.append(name);
            }
            io.columba.storage.block.Block block = new io.columba.storage.block.Block(
                    3,
                    java.util.List.of(
                            new io.columba.storage.column.LongColumn(new long[] {3, 1, 2}),
                            names.build(),
                            new io.columba.storage.column.LongColumn(new long[] {30, -10, 20})));
            long rows = database.insert(
                    "k",
                    java.util.List.of("id", "name", "score"),
                    java.util.List.of(
                            io.columba.storage.type.IntegerType.UINT8,
                            io.columba.storage.type.StringType.STRING,
                            io.columba.storage.type.IntegerType.INT64),
                    block);
            assertThat(rows).isEqualTo(3);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OutputFormats.write(
                    database.execute("SELECT * FROM k", QuerySettings.DEFAULTS),
                    "TabSeparated",
                    FormatSettings.CLICKHOUSE,
                    out);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .as("sorted by id, Int64 scores as Float64, notes from their DEFAULT")
                    .isEqualTo("1\ta\t-10\ta!\n2\tb\t20\tb!\n3\tc\t30\tc!\n");
        }
    }
}
