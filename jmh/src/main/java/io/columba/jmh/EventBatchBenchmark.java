package io.columba.jmh;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.ingest.json.ColumnDefaults;
import io.columba.ingest.json.ConvertedRows;
import io.columba.ingest.json.IngestColumn;
import io.columba.ingest.json.IngestSchema;
import io.columba.ingest.json.JsonPath;
import io.columba.ingest.json.RowConverter;
import io.columba.storage.type.DataTypeParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Events API batch as {@code scripts/bench-ingest.sh} posts it: 10,000 web-analytics events of about 330
 * bytes (the {@code ingest-bench} project's {@code bench_events}: DateTime, UInt64, UInt32, Float64 and eight
 * String columns) converted by the {@link RowConverter} ({@code convert}), then inserted as one part into a
 * MergeTree table sorted by {@code (action, timestamp)} ({@code convertAndInsert}; the table is made anew before
 * each call, so no merge runs meanwhile). The insert writes and syncs its part's files, so its time depends on the
 * disk too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class EventBatchBenchmark {
    static final int ROWS = 10_000;
    private static final String[] ACTIONS = {"page_hit", "click", "scroll", "signup", "purchase", "add_to_cart"};
    private static final String[] COUNTRIES = {"ES", "US", "DE", "FR", "GB", "BR", "IN", "JP", "MX", "IT"};
    private static final String[] DEVICES = {"desktop", "mobile-ios", "mobile-android", "tablet", "bot"};
    private static final String[] BROWSERS = {"chrome", "firefox", "safari", "edge", "opera"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1) Mobile",
        "Mozilla/5.0 (Windows NT 10.0) Firefox/121.0"
    };
    private static final String TABLE = "bench_events";
    private static final String CREATE = "CREATE TABLE " + TABLE + " (timestamp DateTime, session_id String,"
            + " user_id UInt64, action String, path String, referrer String, country String, device String,"
            + " browser String, user_agent String, duration_ms UInt32, amount Float64)"
            + " ENGINE = MergeTree ORDER BY (action, timestamp)";
    private static final IngestSchema SCHEMA = new IngestSchema(
            TABLE,
            List.of(
                    column("timestamp", "DateTime"),
                    column("session_id", "String"),
                    column("user_id", "UInt64"),
                    column("action", "String"),
                    column("path", "String"),
                    column("referrer", "String"),
                    column("country", "String"),
                    column("device", "String"),
                    column("browser", "String"),
                    column("user_agent", "String"),
                    column("duration_ms", "UInt32"),
                    column("amount", "Float64")));

    private Path folder;
    private Database database;
    private RowConverter converter;
    private byte[] body;

    private static IngestColumn column(String name, String type) {
        return new IngestColumn(name, DataTypeParser.parse(type), JsonPath.ofField(name), null);
    }

    @Setup(Level.Trial)
    public void generate() {
        folder = BenchmarkData.temporaryFolder("columba-jmh-events");
        database = Database.open(folder);
        converter = new RowConverter(new ColumnDefaults(database));
        body = events(ROWS).getBytes(StandardCharsets.UTF_8);
        ConvertedRows converted = converter.convert(SCHEMA, body, null);
        System.out.printf(
                "%nEventBatchBenchmark: %d bytes, %d rows, %d quarantined%n",
                body.length, converted.rowCount(), converted.quarantineCount());
    }

    /** Events shaped as scripts/bench-ingest.py generates them (compact JSON, one per line). */
    static String events(int rows) {
        SplittableRandom random = new SplittableRandom(BenchmarkData.SEED);
        StringBuilder text = new StringBuilder(rows * 340);
        long start = 1_735_689_600L;
        for (int i = 0; i < rows; i++) {
            String timestamp = java.time.LocalDateTime.ofEpochSecond(start + i / 50, 0, java.time.ZoneOffset.UTC)
                    .toString()
                    .replace('T', ' ');
            text.append("{\"timestamp\":\"").append(timestamp.length() == 16 ? timestamp + ":00" : timestamp);
            text.append("\",\"session_id\":\"").append(String.format("%016x", random.nextLong()));
            text.append("\",\"user_id\":").append(random.nextLong(1L << 40));
            text.append(",\"action\":\"").append(ACTIONS[random.nextInt(ACTIONS.length)]);
            text.append("\",\"path\":\"/blog/")
                    .append(random.nextInt(100))
                    .append('/')
                    .append(random.nextInt(10_000));
            text.append("\",\"referrer\":\"https://example")
                    .append(random.nextInt(50))
                    .append(".com/?q=")
                    .append(random.nextInt(1_000_000));
            text.append("\",\"country\":\"").append(COUNTRIES[random.nextInt(COUNTRIES.length)]);
            text.append("\",\"device\":\"").append(DEVICES[random.nextInt(DEVICES.length)]);
            text.append("\",\"browser\":\"").append(BROWSERS[random.nextInt(BROWSERS.length)]);
            text.append("\",\"user_agent\":\"").append(AGENTS[random.nextInt(AGENTS.length)]);
            text.append("\",\"duration_ms\":").append(random.nextInt(100_000));
            text.append(",\"amount\":").append(random.nextInt(100_000) / 100.0).append("}\n");
        }
        return text.toString();
    }

    @Setup(Level.Invocation)
    public void emptyTable() {
        database.execute("DROP TABLE IF EXISTS " + TABLE, QuerySettings.DEFAULTS);
        database.execute(CREATE, QuerySettings.DEFAULTS);
    }

    @TearDown(Level.Trial)
    public void close() {
        database.close();
        BenchmarkData.deleteRecursively(folder);
    }

    @Benchmark
    public ConvertedRows convert() {
        return converter.convert(SCHEMA, body, null);
    }

    @Benchmark
    public long convertAndInsert() {
        ConvertedRows converted = converter.convert(SCHEMA, body, null);
        return database.insert(TABLE, converted.columns(), converted.types(), converted.rows());
    }
}
