package io.columba.jmh;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.engine.MergeTreeTable;
import io.columba.storage.part.DataPart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scan and sum an Int64 column of 10M rows from parts on disk: through SQL ({@code SELECT sum(x)}), through the
 * storage reader alone, and a plain {@code long[]} in memory as the ceiling. Scores are rows per second. The
 * values are those of {@code scripts/clickhouse-sum-int64.sh}, so ClickHouse sums the same data.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx4g"})
public class ScanSumBenchmark {
    static final int ROWS = 10_000_000;

    private Path folder;
    private Database database;
    private MergeTreeTable table;
    private long[] plain;

    @Setup(Level.Trial)
    public void load() throws IOException {
        folder = Files.createTempDirectory("columba-jmh");
        database = Database.open(folder);
        database.execute("CREATE TABLE sum10m (x Int64) ENGINE = MergeTree ORDER BY tuple()", QuerySettings.DEFAULTS);
        plain = new long[ROWS];
        int batch = 1_000_000;
        for (int from = 0; from < ROWS; from += batch) {
            StringBuilder data = new StringBuilder("INSERT INTO sum10m FORMAT TabSeparated\n");
            for (long n = from; n < from + batch; n++) {
                long value = (n * 2654435761L) % 1000000007L - 500000000L;
                plain[(int) n] = value;
                data.append(value).append('\n');
            }
            database.execute(data.toString(), QuerySettings.DEFAULTS);
        }
        table = null;
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        database.close();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long sqlSum() {
        QueryResult result = database.execute("SELECT sum(x) FROM sum10m", QuerySettings.DEFAULTS);
        Block block = result.blocks().get(0);
        return ((LongColumn) block.column(0)).get(0);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long storageScanSum() {
        if (table == null) {
            table = tableOf(database);
        }
        long sum = 0;
        for (DataPart part : table.snapshot()) {
            for (int g = 0; g < part.granuleCount(); g += 8) {
                Column column = part.read(0, g, Math.min(part.granuleCount(), g + 8));
                long[] values = ((LongColumn) column).values();
                for (int i = 0; i < column.size(); i++) {
                    sum += values[i];
                }
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long plainArraySum() {
        long sum = 0;
        for (long value : plain) {
            sum += value;
        }
        return sum;
    }

    private MergeTreeTable tableOf(Database db) {
        return new MergeTreeTable(
                folder.resolve("data/sum10m"),
                new io.columba.storage.engine.TableSchema(
                        java.util.List.of(new io.columba.storage.engine.ColumnDefinition(
                                "x", io.columba.storage.type.IntegerType.INT64)),
                        java.util.List.of()),
                io.columba.storage.engine.TableSettings.DEFAULTS);
    }
}
