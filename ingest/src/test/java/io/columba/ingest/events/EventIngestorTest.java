package io.columba.ingest.events;

import static io.columba.ingest.TestQueries.tsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.ingest.buffer.BufferSettings;
import io.columba.ingest.buffer.InsertBuffer;
import io.columba.ingest.json.ColumnDefaults;
import io.columba.ingest.json.IngestColumn;
import io.columba.ingest.json.IngestSchema;
import io.columba.ingest.json.JsonPath;
import io.columba.ingest.json.RowConverter;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.type.DataTypeParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventIngestorTest {
    @TempDir
    Path folder;

    private Database database;
    private InsertBuffer buffer;
    private EventIngestor ingestor;
    private IngestSchema schema;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("database"));
        database.execute(
                "CREATE TABLE events (timestamp DateTime, id UInt32, name String DEFAULT 'unknown', "
                        + "session Nullable(String), tags Array(String), prices Array(Float64), payload String) "
                        + "ENGINE = MergeTree ORDER BY id",
                QuerySettings.DEFAULTS);
        schema = new IngestSchema(
                "events",
                List.of(
                        column("timestamp", "DateTime", "$.timestamp", null),
                        column("id", "UInt32", "$.id", null),
                        column("name", "String", "$.user.name", "'unknown'"),
                        column("session", "Nullable(String)", "$.session", null),
                        column("tags", "Array(String)", "$.tags[:]", "[]"),
                        column("prices", "Array(Float64)", "$.items[:].price", "[]"),
                        column("payload", "String", "$", null)));
        buffer = InsertBuffer.open(database, folder.resolve("log"), BufferSettings.DEFAULTS);
        ingestor = new EventIngestor(database, buffer, new RowConverter(new ColumnDefaults(database)));
    }

    @AfterEach
    void close() {
        buffer.close();
        database.close();
    }

    private static IngestColumn column(String name, String type, String path, String defaultExpression) {
        return new IngestColumn(name, DataTypeParser.parse(type), JsonPath.parse(path), defaultExpression);
    }

    private IngestResult ingest(String body) {
        return ingestor.ingest(schema, body.getBytes(StandardCharsets.UTF_8), true);
    }

    @Test
    void mapsJsonPathsDefaultsAndIsoDates() {
        IngestResult result = ingest("""
                {"timestamp": "2025-01-02T03:04:05.678Z", "id": 1, "user": {"name": "ann"}, "tags": ["a", "b"], \
                "items": [{"price": 1.5}, {"price": 2}]}
                {"timestamp": "2025-01-02 10:00:00", "id": "2", "session": "s"}
                """);

        assertThat(result).isEqualTo(new IngestResult(2, 0));
        assertThat(tsv(database, "SELECT timestamp, id, name, session, tags, prices FROM events ORDER BY id"))
                .isEqualTo("2025-01-02 03:04:05\t1\tann\t\\N\t['a','b']\t[1.5,2]\n"
                        + "2025-01-02 10:00:00\t2\tunknown\ts\t[]\t[]\n");
        assertThat(tsv(database, "SELECT payload FROM events WHERE id = 2"))
                .isEqualTo("{\"timestamp\":\"2025-01-02 10:00:00\",\"id\":\"2\",\"session\":\"s\"}\n");
    }

    @Test
    void rowsThatDoNotConvertGoToTheQuarantine() {
        IngestResult result = ingest("""
                {"timestamp": "2025-01-02 03:04:05", "id": 1}
                {"timestamp": "not a date", "id": "x"}
                {"id": 3}
                not json at all
                [1, 2]
                """);

        assertThat(result).isEqualTo(new IngestResult(1, 4));
        assertThat(tsv(database, "SELECT count() FROM events")).isEqualTo("1\n");
        assertThat(tsv(
                        database,
                        "SELECT id, timestamp, c__error_column, c__error FROM events_quarantine " + "WHERE id = 'x'"))
                .isEqualTo("x\tnot a date\t['timestamp','id']\t"
                        + "['value \\'not a date\\' on column \\'timestamp\\' is not DateTime',"
                        + "'value \\'x\\' on column \\'id\\' is not UInt32']\n");
        assertThat(tsv(database, "SELECT c__error_column FROM events_quarantine WHERE id = '3'"))
                .isEqualTo("['timestamp']\n");
        assertThat(tsv(
                        database,
                        "SELECT count() FROM events_quarantine WHERE c__error[1] LIKE 'line 4 is not valid JSON%'"))
                .isEqualTo("1\n");
    }

    @Test
    void aSinglePrettyPrintedObjectIsOneRow() {
        IngestResult result = ingest("{\n  \"timestamp\": \"2025-01-02 03:04:05\",\n  \"id\": 9\n}\n");

        assertThat(result).isEqualTo(new IngestResult(1, 0));
    }

    @Test
    void bodiesThatAreNotJsonAreRefusedAndChangeNothing() {
        assertThatThrownBy(() -> ingest("hello\nworld\n"))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("not NDJSON");
        assertThatThrownBy(() -> ingestor.ingest(schema, new byte[] {'{', '"', (byte) 0xff, '"', '}'}, true))
                .hasMessageContaining("not valid UTF-8");
        assertThat(tsv(database, "SELECT count() FROM events")).isEqualTo("0\n");
        assertThat(database.tableExists("events_quarantine")).isFalse();
    }

    @Test
    void deeplyNestedDocumentsAreQuarantinedNotCrashing() {
        String deep = "{\"id\": 1, \"timestamp\": 0, \"x\": " + "[".repeat(500) + "]".repeat(500) + "}\n"
                + "{\"id\": 2, \"timestamp\": 0}\n";

        IngestResult result = ingest(deep);

        assertThat(result).isEqualTo(new IngestResult(1, 1));
    }
}
