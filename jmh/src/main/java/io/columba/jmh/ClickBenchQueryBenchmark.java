package io.columba.jmh;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One ClickBench query (0-based line of {@code ../shared/bench/clickbench-queries.sql}) run through
 * {@link Database#execute} over the {@code hits} table that {@code columba local load} or
 * {@code scripts/bench-clickbench.sh} wrote: the whole query (parse, plan, scan, aggregate, sort) without the HTTP
 * server, in milliseconds per run. The default queries are the short filtered scans: Q1 (a full scan of one UInt8
 * column under {@code AdvEngineID <> 0}), Q41 (primary-key range of {@code CounterID = 62} and five more AND-ed
 * conditions, the last, {@code URLHash = ...}, passing no row) and Q42.
 *
 * <p>The database folder comes from {@code -p data=DIR} or {@code -Dcolumba.hits.data=DIR} (default
 * {@code /tmp/columba-hits/columba-10000000}, where the ClickBench script loads 10M rows); the queries from
 * {@code -p queries=FILE} (default {@code ../shared/bench/clickbench-queries.sql}). Without them setup fails with a
 * one-line message and JMH goes on with the next benchmark. Open the folder only while no server writes to it (a
 * hard-linked copy, {@code cp -al}, is safe).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx8g"})
public class ClickBenchQueryBenchmark {
    @Param({"1", "41", "42"})
    public int query;

    /** The database folder; empty: the {@code columba.hits.data} system property or the ClickBench script's. */
    @Param("")
    public String data;

    /** The queries file; empty: {@code ../shared/bench/clickbench-queries.sql}. */
    @Param("")
    public String queries;

    private Database database;
    private String sql;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path folder = Path.of(
                data.isEmpty() ? System.getProperty("columba.hits.data", "/tmp/columba-hits/columba-10000000") : data);
        Path file = Path.of(queries.isEmpty() ? "../shared/bench/clickbench-queries.sql" : queries);
        if (!Files.isDirectory(folder.resolve("data").resolve("hits")) || !Files.isRegularFile(file)) {
            throw new IllegalStateException("ClickBenchQueryBenchmark skipped: no hits table in " + folder
                    + " or no queries file " + file + " (pass -p data=DIR -p queries=FILE)");
        }
        List<String> lines = Files.readAllLines(file);
        sql = lines.get(query).strip().replaceAll(";$", "");
        database = Database.open(folder);
    }

    @TearDown(Level.Trial)
    public void close() {
        database.close();
    }

    @Benchmark
    public QueryResult run() {
        return database.execute(sql, QuerySettings.DEFAULTS);
    }
}
