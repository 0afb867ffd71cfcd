package io.columba.jmh;

import io.columba.storage.block.Block;
import io.columba.storage.block.PackedKeySort;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.engine.MergeTreeTable;
import io.columba.storage.engine.MergingMode;
import io.columba.storage.engine.SortingKey;
import io.columba.storage.engine.TableSchema;
import io.columba.storage.engine.TableSettings;
import io.columba.storage.part.DataPart;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * The background merge the Events API benchmark's inserts cause: 16 fresh parts of 10,000 events of the
 * {@code bench_events} table (12 columns, sorted by {@code (action, timestamp)}) merged into one. {@code memory}:
 * the parts were just written by this process and still hold their columns, as after Events API flushes;
 * {@code disk}: the same parts opened from disk, so the merge decompresses and decodes every column.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
public class MergeBenchmark {
    static final int PARTS = 16;
    static final int ROWS = 10_000;
    private static final String[] ACTIONS = {"page_hit", "click", "scroll", "signup", "purchase", "add_to_cart"};
    private static final String[] COUNTRIES = {"US", "DE", "FR", "ES", "GB", "BR", "IN", "JP"};
    private static final String[] DEVICES = {"desktop", "mobile", "tablet"};
    private static final String[] BROWSERS = {"chrome", "firefox", "safari", "edge"};
    private static final TableSchema SCHEMA = new TableSchema(
            List.of(
                    new ColumnDefinition("timestamp", DateTimeType.DATETIME),
                    new ColumnDefinition("session_id", StringType.STRING),
                    new ColumnDefinition("user_id", IntegerType.UINT64),
                    new ColumnDefinition("action", StringType.STRING),
                    new ColumnDefinition("path", StringType.STRING),
                    new ColumnDefinition("referrer", StringType.STRING),
                    new ColumnDefinition("country", StringType.STRING),
                    new ColumnDefinition("device", StringType.STRING),
                    new ColumnDefinition("browser", StringType.STRING),
                    new ColumnDefinition("user_agent", StringType.STRING),
                    new ColumnDefinition("duration_ms", IntegerType.UINT32),
                    new ColumnDefinition("amount", FloatType.FLOAT64)),
            List.of(StringType.STRING, DateTimeType.DATETIME));
    private static final List<DataType> KEY_TYPES = List.of(StringType.STRING, DateTimeType.DATETIME);

    /** {@code (action, timestamp)}, ordered by {@link PackedKeySort} as the executor's key does. */
    private static final SortingKey KEY = new SortingKey() {
        @Override
        public Block evaluate(Block rows) {
            return new Block(rows.rowCount(), List.of(rows.column(3), rows.column(0)));
        }

        @Override
        public int[] sortedOrder(Block keys) {
            return PackedKeySort.sortedOrder(keys, KEY_TYPES);
        }

        @Override
        public int[] columnsUsed() {
            return new int[] {3, 0};
        }
    };

    @Param({"memory", "disk"})
    public String source;

    private final List<Block> batches = new ArrayList<>();
    private Path folder;
    private MergeTreeTable table;

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom random = new SplittableRandom(BenchmarkData.SEED);
        for (int p = 0; p < PARTS; p++) {
            batches.add(batch(random, p));
        }
    }

    private static Block batch(SplittableRandom random, int p) {
        long[] timestamps = new long[ROWS];
        long[] users = new long[ROWS];
        long[] durations = new long[ROWS];
        double[] amounts = new double[ROWS];
        StringColumnBuilder[] strings = new StringColumnBuilder[8];
        for (int s = 0; s < strings.length; s++) {
            strings[s] = new StringColumnBuilder(ROWS);
        }
        for (int row = 0; row < ROWS; row++) {
            timestamps[row] = 1_735_689_600L + (p * ROWS + row) / 50;
            users[row] = random.nextLong(1_000_000);
            durations[row] = random.nextInt(60_000);
            amounts[row] = Math.round(random.nextDouble() * 10_000) / 100.0;
            strings[0].append(Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
            strings[1].append(ACTIONS[random.nextInt(ACTIONS.length)]);
            strings[2].append("/products/" + random.nextInt(5_000) + "/reviews?page=" + random.nextInt(20));
            strings[3].append("https://www.example" + random.nextInt(300) + ".com/search?q=item" + random.nextInt(999));
            strings[4].append(COUNTRIES[random.nextInt(COUNTRIES.length)]);
            strings[5].append(DEVICES[random.nextInt(DEVICES.length)]);
            strings[6].append(BROWSERS[random.nextInt(BROWSERS.length)]);
            strings[7].append("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
                    + (100 + random.nextInt(30)) + ".0.0.0 Safari/537.36");
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new LongColumn(timestamps));
        columns.add(strings[0].build());
        columns.add(new LongColumn(users));
        columns.add(strings[1].build());
        for (int s = 2; s < 8; s++) {
            columns.add(strings[s].build());
        }
        columns.add(new LongColumn(durations));
        columns.add(new DoubleColumn(amounts));
        return new Block(ROWS, columns);
    }

    @Setup(Level.Invocation)
    public void writeParts() throws IOException {
        folder = Files.createTempDirectory("columba-merge-bench");
        MergeTreeTable writer = new MergeTreeTable(folder, SCHEMA, TableSettings.DEFAULTS, KEY, MergingMode.ORDINARY);
        for (Block batch : batches) {
            Block keys = KEY.evaluate(batch);
            int[] order = KEY.sortedOrder(keys);
            writer.insertSorted("all", batch.take(order, ROWS), keys.take(order, ROWS));
        }
        if (source.equals("memory")) {
            table = writer;
        } else {
            writer.snapshot().forEach(DataPart::dropResident);
            table = new MergeTreeTable(folder, SCHEMA, TableSettings.DEFAULTS, KEY, MergingMode.ORDINARY);
        }
    }

    @TearDown(Level.Invocation)
    public void deleteParts() {
        table.snapshot().forEach(DataPart::dropResident);
        table.deleteData();
    }

    @Benchmark
    public int merge() {
        table.optimize(false);
        return table.snapshot().size();
    }
}
