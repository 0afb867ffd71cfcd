package io.columba.server;

import static io.columba.server.HttpTestClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
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

/** The Data Sources API's append, replace, truncate and delete, called as the TS SDK and curl call them. */
class DatasourcesApiTest {
    private static final String BOUNDARY = "columbaBoundary";

    @TempDir
    Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();
    private IngestionServer server;

    @BeforeEach
    void start() {
        server = new IngestionServer(dataDirectory, 100 << 20);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int port() {
        return server.port();
    }

    private String bearer() {
        return server.bearer();
    }

    private String sql(String query) {
        return server.sql(http, query);
    }

    private HttpResponse<String> upload(String pathAndQuery, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = http.request(port(), pathAndQuery)
                .header("Authorization", bearer())
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return http.send(request);
    }

    @Test
    void appendsCsvWithAHeaderFromARawBody() {
        HttpResponse<String> response = http.post(
                port(),
                "/v0/datasources?name=numbered&mode=append",
                "client,id\na,1\nb,2\n",
                "Authorization",
                bearer());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"successful_rows\":2");
        assertThat(sql("SELECT id, client FROM numbered ORDER BY id")).isEqualTo("1\ta\n2\tb\n");
    }

    @Test
    void appendsGzippedNdjsonFromAMultipartFileByJsonPath() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("{\"id\":1}\n{\"id\":2,\"client\":\"c\"}\n{\"id\":\"bad\"}\n".getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> response =
                upload("/v0/datasources?name=numbered&mode=append", "rows.ndjson.gz", gz.toByteArray());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"successful_rows\":2", "\"quarantined_rows\":1");
        assertThat(sql("SELECT id, client FROM numbered ORDER BY id")).isEqualTo("1\tunknown\n2\tc\n");
        assertThat(sql("SELECT id FROM numbered_quarantine")).isEqualTo("bad\n");
    }

    @Test
    void replaceSwapsAllRowsOrOnlyThoseMatchingTheCondition() {
        http.post(port(), "/v0/datasources?name=numbered&mode=append", "1,a\n2,a\n3,a\n", "Authorization", bearer());

        HttpResponse<String> partial = upload(
                "/v0/datasources?name=numbered&mode=replace&replace_condition=" + encode("id >= 2"),
                "rows.csv",
                "2,b\n5,b\n".getBytes(StandardCharsets.UTF_8));
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(200);
        assertThat(sql("SELECT id, client FROM numbered ORDER BY id")).isEqualTo("1\ta\n2\tb\n5\tb\n");

        HttpResponse<String> full = upload(
                "/v0/datasources?name=numbered&mode=replace", "rows.csv", "9,c\n".getBytes(StandardCharsets.UTF_8));
        assertThat(full.statusCode()).as(full.body()).isEqualTo(200);
        assertThat(sql("SELECT id, client FROM numbered")).isEqualTo("9\tc\n");
    }

    @Test
    void csvRowsThatDoNotConvertGoToTheQuarantineAndTheRestIsAppended() {
        HttpResponse<String> response = upload(
                "/v0/datasources?name=numbered&mode=append",
                "rows.csv",
                "1,a\nnot-a-number,b\n3,c\n".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"successful_rows\":2", "\"quarantined_rows\":1");
        assertThat(sql("SELECT id, client FROM numbered ORDER BY id")).isEqualTo("1\ta\n3\tc\n");
        assertThat(sql("SELECT id, client, c__error_column FROM numbered_quarantine"))
                .isEqualTo("not-a-number\tb\t['id']\n");
    }

    @Test
    void aReplaceWithRowsThatDoNotConvertIsNotApplied() {
        http.post(port(), "/v0/datasources?name=numbered&mode=append", "1,a\n", "Authorization", bearer());

        HttpResponse<String> response = upload(
                "/v0/datasources?name=numbered&mode=replace",
                "rows.csv",
                "7,b\nnot-a-number,b\n".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("the replace was not applied");
        assertThat(sql("SELECT id FROM numbered")).isEqualTo("1\n");
    }

    @Test
    void appendsAParquetFileRecognizedByItsMagicBytes() throws IOException {
        Path file = dataDirectory.resolve("rows.parquet");
        MessageType type = MessageTypeParser.parseMessageType(
                "message rows { required int64 id; optional binary client (STRING); }");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(type)
                .withConf(new PlainParquetConfiguration())
                .build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(type);
            writer.write(groups.newGroup().append("id", 4L).append("client", "p"));
            writer.write(groups.newGroup().append("id", 5L));
        }

        HttpResponse<String> response =
                upload("/v0/datasources?name=numbered&mode=append", "upload.bin", Files.readAllBytes(file));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"successful_rows\":2");
        assertThat(sql("SELECT id, client FROM numbered ORDER BY id")).isEqualTo("4\tp\n5\tunknown\n");
    }

    @Test
    void aBadFileChangesNothing() {
        http.post(port(), "/v0/datasources?name=numbered&mode=append", "1,a\n", "Authorization", bearer());

        HttpResponse<String> response = upload(
                "/v0/datasources?name=numbered&mode=replace", "rows.csv", "x,y,z\n".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"error\":");
        assertThat(sql("SELECT id FROM numbered")).isEqualTo("1\n");
        assertThat(server.workspace.database().tableNames())
                .as("the staging table is dropped")
                .noneMatch(name -> name.contains("__replace_"));
    }

    @Test
    void deleteCountsInADryRunThenDeletesAndTruncateEmpties() {
        http.post(port(), "/v0/datasources?name=numbered&mode=append", "1,a\n2,b\n3,b\n", "Authorization", bearer());
        String form = "application/x-www-form-urlencoded";

        HttpResponse<String> dryRun = http.post(
                port(),
                "/v0/datasources/numbered/delete",
                "delete_condition=" + encode("client = 'b'") + "&dry_run=true",
                "Authorization",
                bearer(),
                "Content-Type",
                form);
        assertThat(dryRun.body()).contains("\"rows_to_be_deleted\":2", "\"status\":\"done\"");
        assertThat(sql("SELECT count() FROM numbered")).isEqualTo("3\n");

        HttpResponse<String> delete = http.post(
                port(),
                "/v0/datasources/numbered/delete",
                "delete_condition=" + encode("client = 'b'"),
                "Authorization",
                bearer(),
                "Content-Type",
                form);
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(200);
        assertThat(sql("SELECT id FROM numbered")).isEqualTo("1\n");

        HttpResponse<String> badCondition = http.post(
                port(),
                "/v0/datasources/numbered/delete",
                "delete_condition=" + encode("nope = 1"),
                "Authorization",
                bearer(),
                "Content-Type",
                form);
        assertThat(badCondition.statusCode()).isEqualTo(400);

        HttpResponse<String> truncate =
                http.post(port(), "/v0/datasources/numbered/truncate", "", "Authorization", bearer());
        assertThat(truncate.statusCode()).isEqualTo(200);
        assertThat(sql("SELECT count() FROM numbered")).isEqualTo("0\n");
    }

    @Test
    void truncateInsertsBufferedEventsFirst() {
        http.post(port(), "/v0/events?name=numbered", "{\"id\":1}", "Authorization", bearer());

        http.post(port(), "/v0/datasources/numbered/truncate", "", "Authorization", bearer());

        assertThat(sql("SELECT count() FROM numbered")).isEqualTo("0\n");
    }
}
