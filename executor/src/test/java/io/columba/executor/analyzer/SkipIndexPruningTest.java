package io.columba.executor.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.storage.column.LongColumn;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skip indexes make scans read fewer rows, and never change answers. */
class SkipIndexPruningTest {
    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void load() {
        database = Database.open(folder);
        database.execute(
                "CREATE TABLE t (k UInt32, v UInt32, s String, msg String,"
                        + " INDEX by_v v TYPE minmax GRANULARITY 1,"
                        + " INDEX by_s s TYPE bloom_filter(0.001) GRANULARITY 1,"
                        + " INDEX by_level s TYPE set(2) GRANULARITY 1,"
                        + " INDEX words msg TYPE tokenbf_v1(1024, 3, 0) GRANULARITY 1)"
                        + " ENGINE = MergeTree ORDER BY k SETTINGS index_granularity = 4",
                QuerySettings.DEFAULTS);
        StringBuilder values = new StringBuilder();
        for (int k = 0; k < 400; k++) {
            values.append(k == 0 ? "" : ", ")
                    .append("(")
                    .append(k)
                    .append(", ")
                    .append(k * 10)
                    .append(", 'h")
                    .append(k)
                    .append("', 'event number")
                    .append(k % 100 == 7 ? " alarm" : "")
                    .append("')");
        }
        database.execute("INSERT INTO t VALUES " + values, QuerySettings.DEFAULTS);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long[] countAndRowsRead(String where) {
        QueryResult result = database.execute("SELECT count() FROM t WHERE " + where, QuerySettings.DEFAULTS);
        long count = ((LongColumn) result.blocks().get(0).column(0).materialize()).get(0);
        return new long[] {count, result.statistics().rowsRead()};
    }

    @Test
    void minmaxSkipsGranulesOutsideTheRange() {
        assertThat(countAndRowsRead("v = 1500")).containsExactly(1, 4);
        assertThat(countAndRowsRead("v >= 3960")).containsExactly(4, 4);
        assertThat(countAndRowsRead("v > 5000")).containsExactly(0, 0);
        assertThat(countAndRowsRead("v = 1500 OR v = 1000")).containsExactly(2, 8);
    }

    @Test
    void bloomFilterSkipsGranulesWithoutTheValue() {
        long[] found = countAndRowsRead("s = 'h123'");
        assertThat(found[0]).isEqualTo(1);
        assertThat(found[1]).isLessThanOrEqualTo(12);
        assertThat(countAndRowsRead("s = 'nowhere'")[1]).isLessThanOrEqualTo(8);
    }

    @Test
    void tokenFilterSkipsGranulesWithoutTheToken() {
        long[] found = countAndRowsRead("hasToken(msg, 'alarm')");
        assertThat(found[0]).isEqualTo(4);
        assertThat(found[1]).isLessThanOrEqualTo(32);
    }

    @Test
    void conditionsTheIndexCannotJudgeReadEverything() {
        assertThat(countAndRowsRead("v + 1 = 1501")).containsExactly(1, 400);
        assertThat(countAndRowsRead("v != 1500")).containsExactly(399, 400);
    }

    @Test
    void partitionColumnsPruneWholeParts() {
        database.execute(
                "CREATE TABLE p (day Date, n UInt32) ENGINE = MergeTree PARTITION BY toYYYYMM(day) ORDER BY n",
                QuerySettings.DEFAULTS);
        database.execute(
                "INSERT INTO p SELECT toDate('2024-01-01') + number, number FROM numbers(90)", QuerySettings.DEFAULTS);
        QueryResult result =
                database.execute("SELECT count() FROM p WHERE day >= '2024-03-01'", QuerySettings.DEFAULTS);
        assertThat(((LongColumn) result.blocks().get(0).column(0).materialize()).get(0))
                .isEqualTo(30);
        assertThat(result.statistics().rowsRead()).isEqualTo(30);
        database.execute("OPTIMIZE TABLE p FINAL", QuerySettings.DEFAULTS);
        QueryResult afterMerge =
                database.execute("SELECT count() FROM p WHERE day < '2024-02-01'", QuerySettings.DEFAULTS);
        assertThat(afterMerge.statistics().rowsRead()).isEqualTo(31);
    }

    @Test
    void wideRowsMakeShortGranules() {
        database.execute(
                "CREATE TABLE wide (k UInt32, s String) ENGINE = MergeTree ORDER BY k"
                        + " SETTINGS index_granularity_bytes = 1024",
                QuerySettings.DEFAULTS);
        String payload = "x".repeat(300);
        StringBuilder values = new StringBuilder();
        for (int k = 0; k < 100; k++) {
            values.append(k == 0 ? "" : ", ")
                    .append("(")
                    .append(k)
                    .append(", '")
                    .append(payload)
                    .append("')");
        }
        database.execute("INSERT INTO wide VALUES " + values, QuerySettings.DEFAULTS);
        QueryResult result = database.execute("SELECT count() FROM wide WHERE k = 50", QuerySettings.DEFAULTS);
        assertThat(((LongColumn) result.blocks().get(0).column(0).materialize()).get(0))
                .isEqualTo(1);
        assertThat(result.statistics().rowsRead()).isBetween(1L, 8L);
    }
}
