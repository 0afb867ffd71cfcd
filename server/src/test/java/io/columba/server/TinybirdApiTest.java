package io.columba.server;

import static io.columba.server.HttpTestClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The Tinybird API over HTTP, on a server with the quickstart project loaded. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TinybirdApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();
    private RunningServer running;
    private int port;
    private String adminToken;

    @BeforeAll
    void start() {
        running = RunningServer.start(dataDirectory);
        port = running.ports.tinybirdPort();
        adminToken = running.adminToken;
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private HttpResponse<String> sql(String query) {
        return http.get(port, "/v0/sql?q=" + encode(query), "Authorization", "Bearer " + adminToken);
    }

    @Test
    void tokensNeedNoToken() throws IOException {
        HttpResponse<String> response = http.get(port, "/tokens");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(response.body());
        assertThat(tokens.fieldNames())
                .toIterable()
                .containsExactly("user_token", "admin_token", "workspace_admin_token");
        assertThat(tokens.get("admin_token").asText()).startsWith("p.");
    }

    @Test
    void countsTheFixtureRowsAsTinybirdJson() throws IOException {
        HttpResponse<String> response = sql("SELECT count() FROM events FORMAT JSON");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("meta").get(0).get("type").asText()).isEqualTo("UInt64");
        JsonNode count = body.get("data").get(0).get("count()");
        assertThat(count.isNumber())
                .as("64-bit integers are unquoted on /v0/sql")
                .isTrue();
        assertThat(count.asLong()).isEqualTo(QuickstartProject.eventRows());
        assertThat(body.get("rows").asLong()).isEqualTo(1);
        assertThat(body.get("statistics").has("elapsed")).isTrue();
    }

    @Test
    void quotes64BitIntegersWhenAsked() throws IOException {
        HttpResponse<String> response = http.get(
                port,
                "/v0/sql?output_format_json_quote_64bit_integers=1&q="
                        + encode("SELECT count() FROM events FORMAT JSON"),
                "Authorization",
                "Bearer " + adminToken);

        assertThat(JSON.readTree(response.body())
                        .get("data")
                        .get(0)
                        .get("count()")
                        .isTextual())
                .isTrue();
    }

    @Test
    void defaultFormatIsTabSeparated() {
        HttpResponse<String> response = sql("SELECT count() FROM events WHERE action = 'purchase' AND revenue > 0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/tab-separated-values"));
        assertThat(response.body()).matches("[1-9][0-9]*\n");
    }

    @Test
    void acceptsTheQueryAsFormFieldRawBodyAndTokenParameter() {
        String query = "SELECT count() FROM events";
        String expected = QuickstartProject.eventRows() + "\n";

        HttpResponse<String> form = http.post(
                port,
                "/v0/sql",
                "q=" + encode(query) + "&token=" + encode(adminToken),
                "Content-Type",
                "application/x-www-form-urlencoded");
        HttpResponse<String> raw =
                http.post(port, "/v0/sql?token=" + encode(adminToken), query, "Content-Type", "text/plain");

        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).isEqualTo(expected);
        assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);
        assertThat(raw.body()).isEqualTo(expected);
    }

    @Test
    void refusesWrites() throws IOException {
        HttpResponse<String> response = sql("DROP TABLE events");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("READONLY");
        assertThat(sql("SELECT count() FROM events").body()).isEqualTo(QuickstartProject.eventRows() + "\n");
    }

    @Test
    void needsAValidToken() throws IOException {
        HttpResponse<String> missing = http.get(port, "/v0/sql?q=" + encode("SELECT 1"));
        HttpResponse<String> invalid =
                http.get(port, "/v0/sql?q=" + encode("SELECT 1"), "Authorization", "Bearer p.not-a-token");

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("token");
        assertThat(invalid.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(invalid.body()).has("error")).isTrue();
    }

    @Test
    void malformedQueryIs400WithAPosition() throws IOException {
        HttpResponse<String> response = sql("SELECT count( FROM events");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("position");
    }

    @Test
    void emptyQueryAndUnknownPathsAreClearErrors() throws IOException {
        HttpResponse<String> empty = http.get(port, "/v0/sql", "Authorization", "Bearer " + adminToken);
        HttpResponse<String> unknown = http.get(port, "/v0/nothing", "Authorization", "Bearer " + adminToken);

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("error").asText()).contains("empty");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void answersCorsPreflightWithoutAToken() {
        HttpResponse<String> response = http.send(http.request(port, "/v0/sql")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .build());
        HttpResponse<String> query = http.get(
                port,
                "/v0/sql?q=" + encode("SELECT 1"),
                "Authorization",
                "Bearer " + adminToken,
                "Origin",
                "https://example.com");

        assertThat(response.statusCode()).isBetween(200, 204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        assertThat(query.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }
}
