package io.columba.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.columba.executor.Database;
import io.columba.ingest.json.ColumnDefaults;
import io.columba.ingest.json.ConvertedRows;
import io.columba.ingest.json.IngestColumn;
import io.columba.ingest.json.IngestSchema;
import io.columba.ingest.json.JsonPath;
import io.columba.ingest.json.JsonRows;
import io.columba.ingest.json.RowConverter;
import io.columba.storage.type.DataTypeParser;
import java.io.IOException;
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
 * The Events API's row conversion ({@link RowConverter}): an NDJSON body of 10,000 events of the quickstart's
 * {@code events} data source (DateTime, String, LowCardinality(String), UInt32 and Float64 columns by JSONPath,
 * DEFAULTs, one row in 500 quarantined) turned into the TabSeparated text that is inserted and the quarantine
 * rows. {@code convertBody} is the road the Events API takes (one streaming parser selecting the fields),
 * {@code convertParsedTree} the general road (a Jackson tree per row, then the JSONPaths). The baseline only
 * tokenizes the body with Jackson's streaming parser: the floor for any JSON reader.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class JsonIngestBenchmark {
    static final int ROWS = 10_000;
    private static final String[] ACTIONS = {"page_view", "add_to_cart", "checkout", "search", "signup"};
    private static final String[] COUNTRIES = {"DE", "GB", "ES", "FR", "US", "IT", "NL"};

    private static final IngestSchema SCHEMA = new IngestSchema(
            "events",
            List.of(
                    column("timestamp", "DateTime", null),
                    column("session_id", "String", null),
                    column("action", "LowCardinality(String)", null),
                    column("country", "LowCardinality(String)", "'unknown'"),
                    column("duration_ms", "UInt32", "0"),
                    column("revenue", "Float64", "0")));

    private final JsonFactory factory = new JsonFactory();
    private Path folder;
    private Database database;
    private RowConverter converter;
    private byte[] body;

    private static IngestColumn column(String name, String type, String defaultExpression) {
        return new IngestColumn(name, DataTypeParser.parse(type), JsonPath.ofField(name), defaultExpression);
    }

    @Setup(Level.Trial)
    public void generate() {
        folder = BenchmarkData.temporaryFolder("columba-jmh-json");
        database = Database.open(folder);
        converter = new RowConverter(new ColumnDefaults(database));
        body = events(ROWS, true).getBytes(StandardCharsets.UTF_8);
        ConvertedRows converted = converter.convert(SCHEMA, body, "jmh");
        System.out.printf(
                "%nJsonIngestBenchmark: %d bytes, %d rows, %d quarantined%n",
                body.length, converted.rowCount(), converted.quarantineCount());
    }

    /**
     * Events as the Events API receives them, some lacking optional fields; with {@code badRows} one in 500 has a
     * duration that is not a number.
     */
    static String events(int rows, boolean badRows) {
        SplittableRandom random = new SplittableRandom(BenchmarkData.SEED);
        StringBuilder text = new StringBuilder(rows * 130);
        long second = 1_735_689_600L;
        for (int i = 0; i < rows; i++) {
            second += random.nextInt(30);
            text.append("{\"timestamp\":\"")
                    .append(java.time.LocalDateTime.ofEpochSecond(second, 0, java.time.ZoneOffset.UTC)
                            .toString()
                            .replace('T', ' '))
                    .append("\",\"session_id\":\"s")
                    .append(String.format("%05d", random.nextInt(5000)))
                    .append("\",\"action\":\"")
                    .append(ACTIONS[random.nextInt(ACTIONS.length)])
                    .append('"');
            if (random.nextInt(10) != 0) {
                text.append(",\"country\":\"")
                        .append(COUNTRIES[random.nextInt(COUNTRIES.length)])
                        .append('"');
            }
            text.append(",\"duration_ms\":")
                    .append(badRows && i % 500 == 499 ? "\"slow\"" : Integer.toString(random.nextInt(60_000)));
            text.append(",\"revenue\":")
                    .append(random.nextInt(8) == 0 ? random.nextInt(20_000) / 100.0 : 0.0)
                    .append("}\n");
        }
        return text.toString();
    }

    @TearDown(Level.Trial)
    public void close() {
        database.close();
        BenchmarkData.deleteRecursively(folder);
    }

    @Benchmark
    public ConvertedRows convertBody() {
        return converter.convert(SCHEMA, body, "jmh");
    }

    @Benchmark
    public ConvertedRows convertParsedTree() {
        return converter.convert(SCHEMA, JsonRows.parse(body), "jmh");
    }

    @Benchmark
    public long plainJacksonTokenize() throws IOException {
        long tokens = 0;
        try (JsonParser parser = factory.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                tokens += token == JsonToken.VALUE_STRING ? parser.getTextLength() : 1;
            }
        }
        return tokens;
    }
}
