package io.columba.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v0/events} over real HTTP, with the headers and bodies real clients send. */
class EventsApiTest {
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

    private static final String EVENTS = """
            {"timestamp":"2025-01-02T03:04:05.678Z","session_id":"s1","action":"page_hit","version":"1",\
            "payload":{"path":"/a"},"tags":["x","y"],"items":[{"id":1},{"id":2}]}
            {"timestamp":"2025-01-02 03:04:06","action":"page_hit","version":"1","payload":"{}","tenant_id":"t"}
            """;

    @Test
    void theSdkIngestWithWaitAnswers200AndTheRowsAreThere() {
        HttpResponse<String> response = http.post(
                port(),
                "/v0/events?name=analytics_events&wait=true",
                EVENTS,
                "Authorization",
                bearer(),
                "Content-Type",
                "application/x-ndjson");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"successful_rows\":2,\"quarantined_rows\":0}");
        assertThat(sql("SELECT timestamp, session_id, payload, tags, item_ids, tenant_id FROM analytics_events "
                        + "ORDER BY timestamp FORMAT TabSeparated"))
                .isEqualTo("2025-01-02 03:04:05\ts1\t{\"path\":\"/a\"}\t['x','y']\t[1,2]\t\n"
                        + "2025-01-02 03:04:06\t\\N\t{}\t[]\t[]\tt\n");
    }

    @Test
    void withoutWaitTheAnswerIs202AndTheTrackerTokenInTheUrlWorks() {
        String tracker = server.workspace.tokens().tokenText("tracker");
        HttpResponse<String> response =
                http.post(port(), "/v0/events?name=analytics_events&token=" + tracker + "&from=mockingbird", EVENTS);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"successful_rows\":2,\"quarantined_rows\":0}");
    }

    @Test
    void gzipBodiesAreUndone() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(EVENTS.getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest request = http.request(port(), "/v0/events?name=analytics_events&wait=true")
                .header("Authorization", bearer())
                .header("Content-Encoding", "gzip")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()))
                .build();

        HttpResponse<String> response = http.send(request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(sql("SELECT count() FROM analytics_events")).isEqualTo("2\n");
    }

    @Test
    void badRowsAreQuarantinedAndCounted() {
        String body = "{\"timestamp\":\"yesterday\",\"action\":\"a\",\"version\":\"1\",\"payload\":\"p\"}\n"
                + "{\"timestamp\":\"2025-01-01 00:00:00\",\"version\":\"1\",\"payload\":\"p\"}\n"
                + "{\"timestamp\":\"2025-01-01 00:00:00\",\"action\":\"ok\",\"version\":\"1\",\"payload\":\""
                + "x".repeat(100_000) + "\"}\n";

        HttpResponse<String> response =
                http.post(port(), "/v0/events?name=analytics_events&wait=true", body, "Authorization", bearer());

        assertThat(response.body()).isEqualTo("{\"successful_rows\":1,\"quarantined_rows\":2}");
        assertThat(sql("SELECT timestamp, c__error_column FROM analytics_events_quarantine ORDER BY timestamp"))
                .isEqualTo("2025-01-01 00:00:00\t['action']\nyesterday\t['timestamp']\n");
    }

    @Test
    void errorsHaveTinybirdsShape() {
        String tracker = server.workspace.tokens().tokenText("tracker");

        HttpResponse<String> notJson =
                http.post(port(), "/v0/events?name=analytics_events", "hello", "Authorization", bearer());
        HttpResponse<String> unknown = http.post(port(), "/v0/events?name=nope", "{}", "Authorization", bearer());
        HttpResponse<String> noName = http.post(port(), "/v0/events", "{}", "Authorization", bearer());
        HttpResponse<String> forbidden =
                http.post(port(), "/v0/events?name=numbered", "{\"id\":1}", "Authorization", "Bearer " + tracker);
        HttpResponse<String> tooLarge = http.post(
                port(), "/v0/events?name=numbered", "{\"id\":1}\n".repeat(1_400_000), "Authorization", bearer());

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).startsWith("{\"error\":\"The body is not NDJSON");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("DATASOURCES:APPEND:numbered");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(sql("SELECT count() FROM numbered")).isEqualTo("0\n");
    }
}
