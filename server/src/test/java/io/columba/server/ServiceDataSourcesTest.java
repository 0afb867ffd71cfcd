package io.columba.server;

import static io.columba.server.HttpTestClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tinybird.datasources_ops_log} and {@code tinybird.pipe_stats_rt}, read through {@code /v0/sql} and pipes. */
class ServiceDataSourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();

    private static JsonNode data(IngestionServer server, HttpTestClient http, String query) throws IOException {
        return JSON.readTree(server.sql(http, query + " FORMAT JSON")).get("data");
    }

    private static List<String> column(JsonNode rows, String name) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.get(name).asText()));
        return values;
    }

    @Test
    void recordsEveryOperationOnADataSource() throws IOException {
        try (IngestionServer server = new IngestionServer(dataDirectory, 100 << 20)) {
            String bearer = server.bearer();
            int port = server.port();
            assertThat(http.post(
                                    port,
                                    "/v0/events?name=numbered&wait=true",
                                    "{\"id\":1}\n{\"id\":2}\n{\"id\":\"x\"}",
                                    "Authorization",
                                    bearer)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(http.post(port, "/v0/events?name=numbered&wait=true", "{\"id\":3}", "Authorization", bearer)
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> append = http.post(
                    port,
                    "/v0/datasources?name=numbered&mode=append",
                    "id,client\n4,a\n5,b\n",
                    "Authorization",
                    bearer);
            assertThat(append.statusCode()).as(append.body()).isEqualTo(200);
            String importId = JSON.readTree(append.body()).get("import_id").asText();
            assertThat(http.post(
                                    port,
                                    "/v0/datasources/numbered/delete",
                                    "delete_condition=" + encode("id >= 4"),
                                    "Authorization",
                                    bearer,
                                    "Content-Type",
                                    "application/x-www-form-urlencoded")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(http.post(
                                    port,
                                    "/v0/datasources/numbered/delete",
                                    "delete_condition=" + encode("no_such_column = 1"),
                                    "Authorization",
                                    bearer,
                                    "Content-Type",
                                    "application/x-www-form-urlencoded")
                            .statusCode())
                    .isEqualTo(400);
            assertThat(http.post(port, "/v0/datasources/numbered/truncate", "", "Authorization", bearer)
                            .statusCode())
                    .isEqualTo(200);

            JsonNode rows = data(
                    server,
                    http,
                    "SELECT event_type, datasource_name, result, rows, rows_quarantine, import_id, error,"
                            + " Options.Names AS names FROM tinybird.datasources_ops_log"
                            + " WHERE datasource_name = 'numbered' AND event_type != 'append-hfi'"
                            + " ORDER BY event_type, result");
            // the Events API's requests add up in append-hfi rows, one per data source each time the log is written
            String events = server.sql(
                    http,
                    "SELECT sum(rows), sum(rows_quarantine), min(result) FROM tinybird.datasources_ops_log"
                            + " WHERE datasource_name = 'numbered' AND event_type = 'append-hfi'");

            assertThat(events).isEqualTo("3\t1\tok\n");
            assertThat(column(rows, "event_type")).containsExactly("append", "create", "delete", "delete", "truncate");
            assertThat(column(rows, "result")).containsExactly("ok", "ok", "error", "ok", "ok");
            JsonNode appended = rows.get(0);
            assertThat(appended.get("rows").asLong()).isEqualTo(2);
            assertThat(appended.get("import_id").asText()).isEqualTo(importId);
            assertThat(appended.get("names").toString()).contains("source", "format");
            assertThat(rows.get(2).get("error").asText()).contains("no_such_column");
            assertThat(rows.get(3).get("rows").asLong()).isEqualTo(2);
        }
    }

    @Test
    void unknownServiceDataSourcesAreA400AndTheirTablesTakeNoEvents() {
        try (IngestionServer server = new IngestionServer(dataDirectory, 100 << 20)) {
            HttpResponse<String> unknown = http.get(
                    server.port(),
                    "/v0/sql?q=" + encode("SELECT * FROM tinybird.no_such_log"),
                    "Authorization",
                    server.bearer());
            HttpResponse<String> events = http.post(
                    server.port(),
                    "/v0/events?name=__tinybird_datasources_ops_log",
                    "{\"event_type\":\"forged\"}",
                    "Authorization",
                    server.bearer());

            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("tinybird.no_such_log", "UNKNOWN_TABLE", "tinybird.pipe_stats_rt");
            assertThat(events.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void recordsEndpointAndQueryApiRequestsInPipeStats() throws IOException {
        try (RunningServer running = RunningServer.start(dataDirectory)) {
            int port = running.ports.tinybirdPort();
            String bearer = "Bearer " + running.adminToken;
            HttpResponse<String> endpoint =
                    http.get(port, "/v0/pipes/actions.json?limit=2&token=" + running.adminToken);
            assertThat(endpoint.statusCode()).isEqualTo(200);
            String requestId = endpoint.headers().firstValue("x-request-id").orElseThrow();
            assertThat(http.get(port, "/v0/pipes/actions.json?limit=nope", "Authorization", bearer)
                            .statusCode())
                    .isEqualTo(400);

            HttpResponse<String> stats = http.get(
                    port,
                    "/v0/sql?q="
                            + encode("SELECT pipe_name, status_code, error, result_rows, read_rows > 0 AS read,"
                                    + " request_id, url, token_name FROM tinybird.pipe_stats_rt"
                                    + " ORDER BY start_datetime, status_code FORMAT JSON"),
                    "Authorization",
                    bearer);

            assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
            JsonNode rows = JSON.readTree(stats.body()).get("data");
            assertThat(column(rows, "pipe_name")).containsExactly("actions", "actions");
            assertThat(column(rows, "status_code")).containsExactly("200", "400");
            assertThat(column(rows, "error")).containsExactly("0", "1");
            JsonNode ok = rows.get(0);
            assertThat(ok.get("result_rows").asLong()).isEqualTo(2);
            assertThat(ok.get("read").asInt()).isEqualTo(1);
            assertThat(ok.get("request_id").asText()).isEqualTo(requestId);
            assertThat(ok.get("url").asText()).isEqualTo("/v0/pipes/actions.json?limit=2");
            assertThat(ok.get("token_name").asText()).isNotEmpty();

            HttpResponse<String> again = http.get(
                    port,
                    "/v0/sql?q=" + encode("SELECT count() FROM tinybird.pipe_stats_rt WHERE pipe_name = 'query_api'"),
                    "Authorization",
                    bearer);
            assertThat(again.body()).isEqualTo("1\n");
        }
    }
}
