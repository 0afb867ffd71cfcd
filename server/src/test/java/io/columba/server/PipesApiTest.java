package io.columba.server;

import static io.columba.server.HttpTestClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart project's {@code actions} endpoint over HTTP: results, parameters, formats, metadata, tokens. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTIONS_SQL = "SELECT action, count() AS events, sum(revenue) AS total_revenue"
            + " FROM events %s GROUP BY action ORDER BY events DESC, action LIMIT %d";

    @TempDir
    static Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();
    private RunningServer running;
    private int port;

    @BeforeAll
    void start() {
        running = RunningServer.start(dataDirectory);
        port = running.ports.tinybirdPort();
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return http.get(port, pathAndQuery, "Authorization", "Bearer " + running.adminToken);
    }

    private JsonNode sqlData(String query) throws IOException {
        HttpResponse<String> response = get("/v0/sql?q=" + encode(query + " FORMAT JSON"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("data");
    }

    @Test
    void answersTheEndpointInTinybirdsJsonShape() throws IOException {
        HttpResponse<String> response = get("/v0/pipes/actions.json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("meta").findValuesAsText("name")).containsExactly("action", "events", "total_revenue");
        assertThat(body.get("meta").get(1).get("type").asText()).isEqualTo("UInt64");
        assertThat(body.get("data")).isEqualTo(sqlData(ACTIONS_SQL.formatted("", 10)));
        assertThat(body.get("rows").asInt()).isEqualTo(body.get("data").size());
        assertThat(body.get("data").get(0).get("events").isNumber()).isTrue();
        assertThat(body.get("statistics").fieldNames()).toIterable().contains("elapsed", "rows_read", "bytes_read");
    }

    @Test
    void parametersReachEveryNode() throws IOException {
        JsonNode body =
                JSON.readTree(get("/v0/pipes/actions.json?country=DE&limit=2").body());

        assertThat(body.get("data")).isEqualTo(sqlData(ACTIONS_SQL.formatted("WHERE country = 'DE'", 2)));
        assertThat(body.get("rows").asInt()).isEqualTo(2);
    }

    @Test
    void debugQueryAnswersTheCompiledSqlInsteadOfTheResult() throws IOException {
        HttpResponse<String> response = get("/v0/pipes/actions.json?country=DE&limit=2&debug=query");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=UTF-8");
        assertThat(response.body()).contains("'DE'").doesNotContain("{{");
        JsonNode endpoint =
                JSON.readTree(get("/v0/pipes/actions.json?country=DE&limit=2").body());
        assertThat(sqlData(response.body())).isEqualTo(endpoint.get("data"));
    }

    @Test
    void postedFormParametersWorkLikeUrlParameters() throws IOException {
        HttpResponse<String> response = http.post(
                port,
                "/v0/pipes/actions.json",
                "country=FR&limit=1&token=" + encode(running.adminToken),
                "Content-Type",
                "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("data"))
                .isEqualTo(sqlData(ACTIONS_SQL.formatted("WHERE country = 'FR'", 1)));
    }

    @Test
    void ignoresReservedAndTrackingParameters() throws IOException {
        HttpResponse<String> response =
                get("/v0/pipes/actions.json?from=mockingbird&__tb__client=mcp-tinybird&debug_source_tables=true&tag=x");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("data")).isEqualTo(sqlData(ACTIONS_SQL.formatted("", 10)));
    }

    @Test
    void runsQOverTheEndpointResult() throws IOException {
        HttpResponse<String> response = get("/v0/pipes/actions.json?country=DE&q="
                + encode("SELECT sum(events) AS total, count() AS actions FROM _"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode row = JSON.readTree(response.body()).get("data").get(0);
        JsonNode expected = sqlData(
                        "SELECT count() AS total, uniqExact(action) AS actions FROM events" + " WHERE country = 'DE'")
                .get(0);
        assertThat(row.get("total").asLong()).isEqualTo(expected.get("total").asLong());
        assertThat(row.get("actions").asLong())
                .isEqualTo(expected.get("actions").asLong());
    }

    @Test
    void writesNdjsonAndCsv() throws IOException {
        JsonNode expected = sqlData(ACTIONS_SQL.formatted("WHERE country = 'JP'", 2));
        HttpResponse<String> ndjson = get("/v0/pipes/actions.ndjson?country=JP&limit=2");
        HttpResponse<String> csv = get("/v0/pipes/actions.csv?country=JP&limit=2");
        HttpResponse<String> csvWithNames = get("/v0/pipes/actions.csvwithnames?country=JP&limit=2");

        assertThat(ndjson.statusCode()).isEqualTo(200);
        assertThat(ndjson.body().lines().map(this::readJson).toList()).containsExactlyElementsOf(expected);
        assertThat(csv.body().lines().toList()).hasSize(3).first().isEqualTo("\"action\",\"events\",\"total_revenue\"");
        assertThat(csv.body().lines().skip(1).findFirst().orElseThrow())
                .startsWith("\"" + expected.get(0).get("action").asText() + "\","
                        + expected.get(0).get("events").asLong() + ",");
        assertThat(csvWithNames.body()).isEqualTo(csv.body());
    }

    private JsonNode readJson(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    @Test
    void invalidParameterValuesAre400WithTheTemplateMessage() throws IOException {
        HttpResponse<String> response = get("/v0/pipes/actions.json?limit=ten");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).startsWith("Template Syntax Error: ");
    }

    @Test
    void unknownPipesAndFormatsAreClearErrors() throws IOException {
        HttpResponse<String> unknown = get("/v0/pipes/nothing.json");
        HttpResponse<String> format = get("/v0/pipes/actions.xml");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).isEqualTo("The pipe 'nothing' does not exist");
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(format.body()).get("error").asText()).contains(".json");
    }

    @Test
    void aPipeTokenReadsItsPipeAndOtherTokensAreRefused() throws IOException {
        String dashboard = running.workspace.tokens().tokenText("dashboard");
        String tracker = running.workspace.tokens().tokenText("tracker");

        HttpResponse<String> allowed = http.get(port, "/v0/pipes/actions.json?token=" + encode(dashboard));
        HttpResponse<String> refused = http.get(port, "/v0/pipes/actions.json", "Authorization", "Bearer " + tracker);
        HttpResponse<String> missing = http.get(port, "/v0/pipes/actions.json");

        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("PIPES:READ:actions");
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(http.get(port, "/v0/pipes?token=" + encode(tracker))
                                .body())
                        .get("pipes"))
                .isEmpty();
    }

    @Test
    void listsPipesAndDescribesOneWithItsNodesAndParameters() throws IOException {
        JsonNode list = JSON.readTree(get("/v0/pipes").body()).get("pipes");
        JsonNode names =
                JSON.readTree(get("/v0/pipes?attrs=name,endpoint").body()).get("pipes");
        JsonNode pipe = JSON.readTree(get("/v0/pipes/actions").body());

        assertThat(list.findValuesAsText("name")).contains("actions");
        assertThat(names.get(0).fieldNames()).toIterable().containsExactly("name", "endpoint");
        assertThat(pipe.get("type").asText()).isEqualTo("endpoint");
        assertThat(pipe.get("endpoint").asText()).isEqualTo("endpoint");
        assertThat(pipe.get("nodes").valueStream().map(node -> node.get("name").asText()))
                .containsExactly("filtered", "endpoint");
        JsonNode country = pipe.get("nodes").get(0).get("params").get(0);
        assertThat(country.get("name").asText()).isEqualTo("country");
        assertThat(country.get("type").asText()).isEqualTo("String");
        assertThat(country.get("description").asText()).isEqualTo("Two-letter country code");
        assertThat(country.get("example").asText()).isEqualTo("DE");
        JsonNode limit = pipe.get("params").get(1);
        assertThat(limit.get("name").asText()).isEqualTo("limit");
        assertThat(limit.get("type").asText()).isEqualTo("Int32");
        assertThat(limit.get("default").asInt()).isEqualTo(10);
        assertThat(limit.get("required").asBoolean()).isFalse();
    }
}
