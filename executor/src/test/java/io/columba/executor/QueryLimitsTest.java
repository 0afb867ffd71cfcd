package io.columba.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.executor.operator.QueryContext;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query limits given as URL parameters; the messages are ClickHouse 18.16's for the same queries. */
class QueryLimitsTest {
    @TempDir
    Path folder;

    private static QuerySettings settings(Map<String, String> values) {
        return new QuerySettings(values, true);
    }

    private static ColumbaException failure(Database database, String sql, Map<String, String> values) {
        try {
            database.execute(sql, settings(values));
        } catch (ColumbaException e) {
            return e;
        }
        throw new AssertionError("expected " + sql + " to fail with " + values);
    }

    @Test
    void resultRowsOverTheLimitFailOrStopAfterTheBlockThatCrossedIt() {
        try (Database database = Database.open(folder)) {
            ColumbaException e = failure(database, "SELECT number FROM numbers(100)", Map.of("max_result_rows", "10"));
            assertThat(e.errorCode()).isEqualTo(ErrorCode.TOO_MANY_ROWS_OR_BYTES);
            assertThat(e.getMessage()).isEqualTo("Limit for result exceeded, max rows: 10.00, current rows: 100.00");
            e = failure(database, "SELECT number FROM numbers(100000)", Map.of("max_result_rows", "10"));
            assertThat(e.getMessage())
                    .isEqualTo("Limit for result exceeded, max rows: 10.00, current rows: 65.54 thousand");
            QueryResult result = database.execute(
                    "SELECT number FROM numbers(100000)",
                    settings(Map.of("max_result_rows", "10", "result_overflow_mode", "break")));
            assertThat(result.blocks().stream().mapToInt(b -> b.rowCount()).sum())
                    .isEqualTo(65536);
            assertThat(database.execute("SELECT number FROM numbers(10)", settings(Map.of("max_result_rows", "10")))
                            .blocks()
                            .get(0)
                            .rowCount())
                    .isEqualTo(10);
        }
    }

    @Test
    void rowsToReadAreCheckedBeforeReadingFromThePrunedGranules() {
        try (Database database = Database.open(folder)) {
            database.execute(
                    "CREATE TABLE t (k UInt32) ENGINE = MergeTree ORDER BY k SETTINGS index_granularity = 16",
                    QuerySettings.DEFAULTS);
            database.execute("INSERT INTO t SELECT number FROM numbers(20000)", QuerySettings.DEFAULTS);
            ColumbaException e = failure(database, "SELECT count() FROM t", Map.of("max_rows_to_read", "1000"));
            assertThat(e.errorCode()).isEqualTo(ErrorCode.TOO_MANY_ROWS);
            assertThat(e.getMessage())
                    .isEqualTo("Limit for rows to read exceeded: 20000 rows read (or to read), maximum: 1000");
        }
    }

    @Test
    void hashTablesPastTheMemoryLimitFailWithClickHousesMessage() {
        try (Database database = Database.open(folder)) {
            ColumbaException e = failure(
                    database,
                    "SELECT number, count() FROM numbers(20000) GROUP BY number",
                    Map.of("max_memory_usage", "100000"));
            assertThat(e.errorCode()).isEqualTo(ErrorCode.MEMORY_LIMIT_EXCEEDED);
            assertThat(e.getMessage())
                    .matches("Memory limit \\(for query\\) exceeded: would use [0-9.]+ (KiB|MiB) \\(attempt to allocate"
                            + " chunk of [0-9]+ bytes\\), maximum: 97\\.66 KiB");
        }
    }

    @Test
    void aQueryPastItsExecutionTimeFails() {
        try (Database database = Database.open(folder)) {
            ColumbaException e =
                    failure(database, "SELECT count() FROM numbers(10000000000)", Map.of("max_execution_time", "1"));
            assertThat(e.errorCode()).isEqualTo(ErrorCode.TIMEOUT_EXCEEDED);
            assertThat(e.getMessage()).matches("Timeout exceeded: elapsed [0-9]+\\.[0-9]{3} seconds, maximum: 1");
        }
    }

    @Test
    void anUnknownOverflowModeIsRejected() {
        try (Database database = Database.open(folder)) {
            assertThatThrownBy(() -> database.execute(
                            "SELECT 1", settings(Map.of("max_result_rows", "1", "result_overflow_mode", "stop"))))
                    .isInstanceOf(ColumbaException.class)
                    .hasMessage("Unknown overflow mode: 'stop', must be one of 'throw', 'break', 'any'");
        }
    }

    @Test
    void aQueryCancelledFromAnotherThreadStopsAtItsNextBlock() throws InterruptedException {
        try (Database database = Database.open(folder)) {
            QueryContext context = new QueryContext(QuerySettings.DEFAULTS);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<QueryResult> result = new AtomicReference<>();
            Thread query = new Thread(() -> {
                try {
                    result.set(database.execute(
                            "SELECT count() FROM numbers(100000000000)", QuerySettings.DEFAULTS, context));
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            query.start();
            while (context.rows() == 0 && query.isAlive()) {
                Thread.sleep(1);
            }
            context.cancel();
            // A guard against hanging the build, not a timing assertion: 10^11 rows would take hours.
            query.join(Duration.ofMinutes(5));
            assertThat(query.isAlive()).as("query still running after cancel").isFalse();
            assertThat(result.get()).isNull();
            assertThat(failure.get())
                    .isInstanceOfSatisfying(
                            ColumbaException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUERY_WAS_CANCELLED));
            assertThat(ErrorCode.QUERY_WAS_CANCELLED.code()).isEqualTo(394);
            assertThat(context.rows()).isPositive().isLessThan(100_000_000_000L);
        }
    }

    @Test
    void aContextCancelledBeforehandRunsNothingAndOthersAreUnaffected() {
        try (Database database = Database.open(folder)) {
            QueryContext context = new QueryContext(QuerySettings.DEFAULTS);
            context.cancel();
            String create = "CREATE TABLE t (k UInt8) ENGINE = MergeTree ORDER BY k";
            assertThatThrownBy(() -> database.execute(create, QuerySettings.DEFAULTS, context))
                    .isInstanceOfSatisfying(
                            ColumbaException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.QUERY_WAS_CANCELLED));
            database.execute(create, QuerySettings.DEFAULTS); // the cancelled CREATE made nothing
            QueryContext fresh = new QueryContext(QuerySettings.DEFAULTS);
            QueryResult counted = database.execute(
                    "SELECT count() FROM numbers(1000) SETTINGS max_threads = 1", QuerySettings.DEFAULTS, fresh);
            assertThat(counted.blocks().get(0).rowCount()).isEqualTo(1);
            assertThat(fresh.rows()).isEqualTo(1000);
        }
    }
}
