package io.columba.server;

import static io.columba.server.HttpTestClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columba.workspace.Workspace;
import io.columba.workspace.token.TokenStore;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Pipes that fail, and pipes that read other pipes, in a project written for this test over the quickstart data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipeErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temporary;

    private final HttpTestClient http = new HttpTestClient();
    private Workspace workspace;
    private ColumbaServer server;
    private int port;
    private String adminToken;

    @BeforeAll
    void start() throws IOException {
        Path project = temporary.resolve("project");
        Files.createDirectories(project.resolve("datasources"));
        Files.createDirectories(project.resolve("fixtures"));
        Files.createDirectories(project.resolve("endpoints"));
        Path quickstart = QuickstartProject.folder();
        Files.copy(
                quickstart.resolve("datasources/events.datasource"), project.resolve("datasources/events.datasource"));
        Files.copy(quickstart.resolve("fixtures/events.ndjson"), project.resolve("fixtures/events.ndjson"));
        writePipe(project, "by_country", """
                NODE counted
                SQL >
                    %
                    SELECT count() AS n FROM events
                    WHERE country = {{ String(country, required=True) }}
                TYPE endpoint
                """);
        writePipe(project, "doubled", """
                NODE endpoint
                SQL >
                    SELECT n * 2 AS doubled FROM by_country
                TYPE ENDPOINT
                """);
        writePipe(project, "checked", """
                NODE endpoint
                SQL >
                    %
                    {% if not defined(day) %}
                        {{ error('day (Date) query param is required') }}
                    {% end %}
                    SELECT {{ Date(day) }} AS day
                TYPE endpoint
                """);
        writePipe(project, "limited", """
                NODE endpoint
                SQL >
                    %
                    {{ custom_error({'error': 'slow down', 'retry_in': 5}, 429) }}
                    SELECT 1
                TYPE endpoint
                """);
        writePipe(project, "broken", "NODE endpoint\nSQL >\n    SELECT no_such_column FROM events\nTYPE endpoint\n");
        writePipe(project, "helper", "NODE only\nSQL >\n    SELECT 1 AS one\n");
        workspace = Workspace.open(temporary.resolve("data"), project);
        server = new ColumbaServer(workspace, ServerConfig.onPorts(0, 0));
        port = server.start().tinybirdPort();
        adminToken = workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN);
    }

    private static void writePipe(Path project, String name, String text) throws IOException {
        Files.writeString(project.resolve("endpoints").resolve(name + ".pipe"), text);
    }

    @AfterAll
    void stop() {
        server.close();
        workspace.close();
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return http.get(port, pathAndQuery, "Authorization", "Bearer " + adminToken);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void aMissingRequiredParameterIs400() throws IOException {
        HttpResponse<String> response = get("/v0/pipes/by_country.json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText())
                .startsWith("Template Syntax Error: ")
                .contains("country");
    }

    @Test
    void parametersFlowIntoPipesReadAsTables() throws IOException {
        long count = json(get(
                        "/v0/sql?q=" + encode("SELECT count() AS n FROM events WHERE country = 'US' FORMAT JSON")))
                .get("data")
                .get(0)
                .get("n")
                .asLong();

        HttpResponse<String> response = get("/v0/pipes/doubled.json?country=US");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("data").get(0).get("doubled").asLong()).isEqualTo(2 * count);
        assertThat(get("/v0/pipes/doubled.json").statusCode()).isEqualTo(400);
    }

    @Test
    void errorCallsAnswerWithTheirMessage() throws IOException {
        HttpResponse<String> missing = get("/v0/pipes/checked.json");
        HttpResponse<String> given = get("/v0/pipes/checked.json?day=2025-01-02");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("error").asText()).isEqualTo("day (Date) query param is required");
        assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
        assertThat(json(given).get("data").get(0).get("day").asText()).isEqualTo("2025-01-02");
    }

    @Test
    void customErrorsChooseTheirStatusAndBody() throws IOException {
        HttpResponse<String> response = get("/v0/pipes/limited.json");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(json(response).get("error").asText()).isEqualTo("slow down");
        assertThat(json(response).get("retry_in").asInt()).isEqualTo(5);
    }

    @Test
    void queryErrorsKeepTheirTextAndCodeName() throws IOException {
        HttpResponse<String> response = get("/v0/pipes/broken.json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText())
                .startsWith("[Error] ")
                .contains("no_such_column")
                .endsWith("(UNKNOWN_IDENTIFIER)");
    }

    @Test
    void aPipeWithoutEndpointIsNotServed() throws IOException {
        HttpResponse<String> response = get("/v0/pipes/helper.json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).contains("not an endpoint");
        assertThat(json(get("/v0/pipes/helper")).get("type").asText()).isEqualTo("default");
    }
}
