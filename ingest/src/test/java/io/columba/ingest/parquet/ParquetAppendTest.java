package io.columba.ingest.parquet;

import static io.columba.ingest.AppendFixture.column;
import static io.columba.ingest.TestQueries.tsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.executor.Database;
import io.columba.ingest.AppendFixture;
import io.columba.ingest.FileAppender;
import io.columba.ingest.InputFormat;
import io.columba.ingest.Inserter;
import io.columba.ingest.events.DatasourceAppender;
import io.columba.ingest.events.IngestResult;
import io.columba.ingest.json.IngestSchema;
import io.columba.storage.error.ColumbaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetAppendTest {
    private static final MessageType EVENTS = MessageTypeParser.parseMessageType("""
            message events {
              optional binary id (STRING);
              optional binary name (STRING);
              optional int64 at (TIMESTAMP(MILLIS,true));
              optional int32 day (DATE);
              optional double amount;
              optional boolean flag;
              optional int64 price (DECIMAL(10,2));
              optional group tags (LIST) {
                repeated group list {
                  optional binary element (STRING);
                }
              }
              optional group user {
                optional binary country (STRING);
              }
            }
            """);

    @TempDir
    Path folder;

    private AppendFixture fixture;
    private Database database;
    private DatasourceAppender appender;
    private final IngestSchema schema = new IngestSchema(
            "events",
            List.of(
                    column("id", "UInt32", "$.id"),
                    column("name", "Nullable(String)", "$.name"),
                    column("at", "DateTime", "$.at"),
                    column("day", "Date", "$.day"),
                    column("amount", "Float64", "$.amount"),
                    column("flag", "UInt8", "$.flag"),
                    column("price", "Decimal(10, 2)", "$.price"),
                    column("tags", "Array(String)", "$.tags[:]"),
                    column("country", "String", "$.user.country")));

    @BeforeEach
    void open() {
        fixture = new AppendFixture(
                folder,
                "CREATE TABLE events (id UInt32, name Nullable(String), at DateTime, day Date, amount Float64, "
                        + "flag UInt8, price Decimal(10, 2), tags Array(String), country String) "
                        + "ENGINE = MergeTree ORDER BY id");
        database = fixture.database();
        appender = fixture.appender(Inserter.DIRECT, FileAppender.DEFAULT_BATCH_ROWS);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void parquetTypesMapOntoTheColumnsAndBadRowsGoToTheQuarantine() throws IOException {
        Path file = folder.resolve("events.parquet");
        SimpleGroupFactory rows = new SimpleGroupFactory(EVENTS);
        try (ParquetWriter<Group> writer = writer(file, 1 << 20)) {
            Group first = rows.newGroup()
                    .append("id", "1")
                    .append("name", "ann")
                    .append("at", 1_735_787_045_500L)
                    .append("day", 20_090)
                    .append("amount", 1.5)
                    .append("flag", true)
                    .append("price", 1234L);
            Group tags = first.addGroup("tags");
            tags.addGroup("list").append("element", "x");
            tags.addGroup("list").append("element", "y");
            first.addGroup("user").append("country", "ES");
            writer.write(first);
            Group second = rows.newGroup()
                    .append("id", "2")
                    .append("at", 0L)
                    .append("day", 0)
                    .append("amount", -2.25)
                    .append("flag", false)
                    .append("price", -5L);
            second.addGroup("tags");
            second.addGroup("user").append("country", "");
            writer.write(second);
            writer.write(rows.newGroup().append("id", "x").append("at", 0L).append("day", 0));
        }

        IngestResult result = append(Files.newInputStream(file));

        assertThat(result).isEqualTo(new IngestResult(2, 1));
        assertThat(tsv(database, "SELECT * FROM events ORDER BY id"))
                .isEqualTo("1\tann\t2025-01-02 03:04:05\t2025-01-02\t1.5\t1\t12.34\t['x','y']\tES\n"
                        + "2\t\\N\t1970-01-01 00:00:00\t1970-01-01\t-2.25\t0\t-0.05\t[]\t\n");
        assertThat(tsv(database, "SELECT id, c__error_column, c__import_id FROM events_quarantine"))
                .isEqualTo("x\t['amount','flag','price','tags','country','id']\timport-1\n");
        try (var uploads = Files.list(folder.resolve("database").resolve("uploads"))) {
            assertThat(uploads).as("the spooled upload is deleted").isEmpty();
        }
    }

    @Test
    void manyRowGroupsStreamIntoOneAppend() throws IOException {
        Path file = folder.resolve("many.parquet");
        SimpleGroupFactory rows = new SimpleGroupFactory(EVENTS);
        int count = 20_000;
        try (ParquetWriter<Group> writer = writer(file, 64 << 10)) {
            for (int i = 1; i <= count; i++) {
                writer.write(rows.newGroup()
                        .append("id", Integer.toString(i))
                        .append("name", "n" + (i % 7))
                        .append("at", i * 1000L)
                        .append("day", i % 365));
            }
        }

        long appended = new FileAppender(database).append("events", file);

        assertThat(appended).isEqualTo(count);
        assertThat(tsv(database, "SELECT count(), sum(id), uniqExact(name), max(at) FROM events"))
                .isEqualTo(count + "\t" + ((long) count * (count + 1) / 2) + "\t7\t1970-01-01 05:33:20\n");
    }

    @Test
    void aFileThatIsNotParquetIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> append(new ByteArrayInputStream("id,name\n1,a\n".getBytes())))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("Parquet");

        assertThat(tsv(database, "SELECT count() FROM events")).isEqualTo("0\n");
    }

    private IngestResult append(InputStream in) throws IOException {
        try (in) {
            return appender.append(schema, "events", List.of(), in, InputFormat.PARQUET, "import-1");
        }
    }

    private static ParquetWriter<Group> writer(Path file, int rowGroupBytes) throws IOException {
        return ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(EVENTS)
                .withConf(new PlainParquetConfiguration())
                .withRowGroupSize(rowGroupBytes)
                .build();
    }
}
