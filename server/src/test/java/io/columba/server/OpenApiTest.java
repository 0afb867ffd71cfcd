package io.columba.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columba.workspace.Workspace;
import io.columba.workspace.token.TokenStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v0/pipes/openapi.json} over testdata/projects/materialized, read as an OpenAPI client reads it. */
class OpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();
    private Workspace workspace;
    private ColumbaServer server;
    private int port;

    @BeforeEach
    void start() {
        workspace = Workspace.open(dataDirectory, TestdataProject.folder("materialized"));
        server = new ColumbaServer(workspace, ServerConfig.onPorts(0, 0));
        port = server.start().tinybirdPort();
    }

    @AfterEach
    void stop() {
        server.close();
        workspace.close();
    }

    private JsonNode document(String token) throws IOException {
        HttpResponse<String> response = http.get(port, "/v0/pipes/openapi.json?token=" + token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.get("parameters")) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    @Test
    void describesEachEndpointWithItsTypedParameters() throws IOException {
        JsonNode document = document(workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN));

        assertThat(document.get("openapi").asText()).isEqualTo("3.0.0");
        assertThat(document.get("servers").get(0).get("url").asText())
                .isEqualTo("http://127.0.0.1:" + port + "/v0/pipes");
        assertThat(document.get("paths").fieldNames())
                .toIterable()
                .containsExactly("/countries.{format}", "/daily.{format}");
        JsonNode daily = document.get("paths").get("/daily.{format}").get("get");
        assertThat(daily.get("operationId").asText()).isEqualTo("daily");
        assertThat(daily.get("description").asText()).startsWith("Events, sessions and revenue per day");
        assertThat(daily.get("parameters").findValuesAsText("name"))
                .containsExactly("format", "q", "date_from", "action", "limit");
        assertThat(parameter(daily, "format").toString())
                .isEqualTo("{\"in\":\"path\",\"name\":\"format\",\"required\":true,"
                        + "\"description\":\"Response format: json, ndjson, csv, csvwithnames\","
                        + "\"schema\":{\"type\":\"string\",\"enum\":[\"json\",\"ndjson\",\"csv\",\"csvwithnames\"],"
                        + "\"default\":\"json\"}}");
        assertThat(parameter(daily, "date_from").toString())
                .isEqualTo("{\"in\":\"query\",\"name\":\"date_from\",\"required\":false,"
                        + "\"description\":\"First day, included\","
                        + "\"schema\":{\"type\":\"string\",\"format\":\"date\",\"default\":\"2024-01-01\"}}");
        assertThat(parameter(daily, "action").get("schema").toString())
                .isEqualTo("{\"type\":\"string\",\"example\":\"purchase\"}");
        assertThat(parameter(daily, "limit").get("schema").toString())
                .isEqualTo("{\"type\":\"integer\",\"format\":\"int32\",\"default\":100}");
        JsonNode countries = document.get("paths").get("/countries.{format}").get("get");
        assertThat(parameter(countries, "countries").toString())
                .isEqualTo("{\"in\":\"query\",\"name\":\"countries\",\"required\":false,"
                        + "\"description\":\"Countries to include\","
                        + "\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
                        + "\"style\":\"form\",\"explode\":false}");
        JsonNode minimum = parameter(countries, "min_purchases");
        assertThat(minimum.get("required").asBoolean()).isTrue();
        assertThat(minimum.get("schema").toString()).isEqualTo("{\"type\":\"integer\",\"format\":\"int64\"}");
        assertThat(daily.get("responses")
                        .get("200")
                        .get("content")
                        .get("application/json")
                        .get("schema")
                        .get("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Result");
        assertThat(document.get("components")
                        .get("securitySchemes")
                        .get("TokenQuery")
                        .toString())
                .isEqualTo("{\"type\":\"apiKey\",\"in\":\"query\",\"name\":\"token\"}");
    }

    @Test
    void aClientCallsEveryEndpointFromTheDocument() throws IOException {
        String token = workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN);
        JsonNode document = document(token);
        String server = document.get("servers").get(0).get("url").asText();

        List<Integer> statuses = new ArrayList<>();
        for (String path : (Iterable<String>) () -> document.get("paths").fieldNames()) {
            StringBuilder query = new StringBuilder("?token=" + token);
            for (JsonNode parameter : document.get("paths").get(path).get("get").get("parameters")) {
                if (parameter.get("required").asBoolean()
                        && parameter.get("in").asText().equals("query")) {
                    query.append('&').append(parameter.get("name").asText()).append("=1");
                }
            }
            URI uri = URI.create(server + path.replace("{format}", "json") + query);
            statuses.add(http.get(uri.getPort(), uri.getRawPath() + "?" + uri.getRawQuery())
                    .statusCode());
        }

        assertThat(statuses).containsExactly(200, 200);
    }

    @Test
    void listsOnlyTheEndpointsTheTokenMayRead() throws IOException {
        JsonNode document = document(workspace.tokens().tokenText("dashboard"));
        HttpResponse<String> anonymous = http.get(port, "/v0/pipes/openapi.json");
        HttpResponse<String> posted = http.post(
                port,
                "/v0/pipes/openapi.json",
                "",
                "Authorization",
                "Bearer " + workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN));

        assertThat(document.get("paths").fieldNames()).toIterable().containsExactly("/daily.{format}");
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(posted.statusCode()).isEqualTo(405);
    }
}
