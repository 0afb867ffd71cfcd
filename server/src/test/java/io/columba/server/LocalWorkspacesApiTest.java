package io.columba.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columba.workspace.Workspace;
import io.columba.workspace.token.TokenStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tinybird Local's workspace endpoints and {@code POST /v1/build} as the SDKs call them: workspaces created and
 * listed with their tokens, projects built from multipart {@code data_project://} parts with fixtures, rebuilt
 * (changed, unchanged, deleted resources) and rejected with errors naming file and line.
 */
class LocalWorkspacesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS = """
            SCHEMA >
                `ts` DateTime `json:$.ts`,
                `kind` String `json:$.kind`

            ENGINE "MergeTree"
            ENGINE_SORTING_KEY "ts"
            """;
    private static final String KINDS = """
            NODE kinds
            SQL >
                SELECT kind, count() AS n FROM events GROUP BY kind ORDER BY kind

            TYPE endpoint
            """;
    private static final String FIXTURE = """
            {"ts":"2025-01-01 00:00:00","kind":"a"}
            {"ts":"2025-01-01 00:00:01","kind":"b"}
            {"ts":"2025-01-01 00:00:02","kind":"a"}
            """;

    @TempDir
    Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();
    private Workspace workspace;
    private ColumbaServer server;
    private int port;
    private String adminToken;
    private String userToken;

    @BeforeEach
    void start() {
        workspace = Workspace.open(dataDirectory);
        server = new ColumbaServer(workspace, ServerConfig.onPorts(0, 0));
        port = server.start().tinybirdPort();
        adminToken = workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN);
        userToken = workspace.tokens().tokenText(TokenStore.USER_TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
        workspace.close();
    }

    @Test
    void workspacesAreCreatedListedDescribedAndDeleted() throws IOException {
        JsonNode listed = json(http.get(port, "/v1/user/workspaces?with_organization=true&token=" + adminToken));
        assertThat(listed.get("workspaces")).hasSize(1);
        assertThat(listed.at("/workspaces/0/name").asText()).isEqualTo("local");
        assertThat(listed.at("/workspaces/0/token").asText()).isEqualTo(adminToken);

        HttpResponse<String> created = http.post(
                port,
                "/v1/workspaces",
                "name=feature_x",
                "Authorization",
                "Bearer " + userToken,
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = json(created).get("id").asText();
        String token = json(created).get("token").asText();

        JsonNode own = json(http.get(port, "/v1/workspace", "Authorization", "Bearer " + token));
        assertThat(own.get("id").asText()).isEqualTo(id);
        assertThat(own.get("name").asText()).isEqualTo("feature_x");
        assertThat(own.get("main").isNull()).isTrue();
        assertThat(json(http.get(port, "/v1/user/workspaces?token=" + adminToken))
                        .get("workspaces"))
                .extracting(node -> node.get("name").asText())
                .containsExactly("local", "feature_x");
        assertThat(http.post(
                                port,
                                "/v1/workspaces",
                                "name=feature_x",
                                "Authorization",
                                "Bearer " + userToken,
                                "Content-Type",
                                "application/x-www-form-urlencoded")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get(port, "/v1/user/workspaces?token=" + token).statusCode())
                .isEqualTo(403);

        HttpResponse<String> deleted = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/v1/workspaces/" + id + "?hard_delete_confirmation=yes"))
                        .header("Authorization", "Bearer " + userToken)
                        .DELETE()
                        .build());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(http.get(port, "/v1/workspace", "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void buildsAProjectWithFixturesThenRebuildsIt() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("datasources/events.datasource", EVENTS);
        files.put("endpoints/kinds.pipe", KINDS);
        files.put("fixtures/events.ndjson", FIXTURE);
        JsonNode built = json(build(adminToken, files));
        assertThat(built.get("result").asText()).isEqualTo("success");
        assertThat(built.at("/build/new_datasource_names").toString()).isEqualTo("[\"events\"]");
        assertThat(built.at("/build/new_pipe_names").toString()).isEqualTo("[\"kinds\"]");
        assertThat(built.at("/build/pipes/0/type").asText()).isEqualTo("endpoint");
        assertThat(kinds(adminToken)).isEqualTo("{\"kind\":\"a\",\"n\":2}\n{\"kind\":\"b\",\"n\":1}\n");

        assertThat(json(build(adminToken, files)).get("result").asText()).isEqualTo("no_changes");

        files.put("endpoints/kinds.pipe", KINDS.replace("ORDER BY kind", "ORDER BY kind DESC"));
        files.put("endpoints/all.pipe", "NODE all\nSQL >\n    SELECT count() AS n FROM events\n\nTYPE endpoint\n");
        JsonNode rebuilt = json(build(adminToken, files));
        assertThat(rebuilt.get("result").asText()).isEqualTo("success");
        assertThat(rebuilt.at("/build/changed_pipe_names").toString()).isEqualTo("[\"kinds\"]");
        assertThat(rebuilt.at("/build/new_pipe_names").toString()).isEqualTo("[\"all\"]");
        assertThat(rebuilt.at("/build/new_datasource_names")).isEmpty();
        assertThat(kinds(adminToken)).isEqualTo("{\"kind\":\"b\",\"n\":1}\n{\"kind\":\"a\",\"n\":2}\n");

        files.remove("endpoints/all.pipe");
        assertThat(json(build(adminToken, files))
                        .at("/build/deleted_pipe_names")
                        .toString())
                .isEqualTo("[\"all\"]");
        assertThat(http.get(port, "/v0/pipes/all.json?token=" + adminToken).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aBadFileFailsTheBuildNamingFileAndLineAndChangesNothing() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("datasources/events.datasource", EVENTS);
        files.put("endpoints/kinds.pipe", KINDS);
        files.put("fixtures/events.ndjson", FIXTURE);
        assertThat(json(build(adminToken, files)).get("result").asText()).isEqualTo("success");

        files.put("endpoints/broken.pipe", "NODE broken\nSQL >\n    SELECT 1\n\nTYPE nonsense\n");
        files.put("datasources/more.datasource", "SCHEMA >\n    `a` Int32\n\nENGINE \"MergeTree\"\nWHAT \"x\"\n");
        HttpResponse<String> response = build(adminToken, files);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode failed = json(response);
        assertThat(failed.get("result").asText()).isEqualTo("failed");
        assertThat(failed.get("errors"))
                .extracting(e -> e.get("filename").asText())
                .containsExactlyInAnyOrder("endpoints/broken.pipe", "datasources/more.datasource");
        for (JsonNode error : failed.get("errors")) {
            assertThat(error.get("error").asText()).startsWith("line ");
        }
        assertThat(failed.get("error").asText()).contains("endpoints/broken.pipe: line 5");
        assertThat(kinds(adminToken)).isEqualTo("{\"kind\":\"a\",\"n\":2}\n{\"kind\":\"b\",\"n\":1}\n");
    }

    @Test
    void aBuildGoesToTheWorkspaceOfItsToken() throws IOException {
        HttpResponse<String> created = http.post(
                port,
                "/v1/workspaces",
                "name=branch",
                "Authorization",
                "Bearer " + userToken,
                "Content-Type",
                "application/x-www-form-urlencoded");
        String token = json(created).get("token").asText();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("events.datasource", EVENTS);
        files.put("kinds.pipe", KINDS);
        files.put("fixtures/events.ndjson", FIXTURE);
        assertThat(json(build(token, files)).get("result").asText()).isEqualTo("success");
        assertThat(kinds(token)).isEqualTo("{\"kind\":\"a\",\"n\":2}\n{\"kind\":\"b\",\"n\":1}\n");
        assertThat(http.get(port, "/v0/pipes/kinds.ndjson?token=" + adminToken).statusCode())
                .isEqualTo(404);
    }

    private String kinds(String token) {
        HttpResponse<String> response = http.get(port, "/v0/pipes/kinds.ndjson?token=" + token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> build(String token, Map<String, String> files) {
        String boundary = "test-boundary-7d1f";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        files.forEach((path, text) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data;"
                        + " name=\"data_project://\"; filename=\"" + path + "\"\r\nContent-Type: text/plain\r\n\r\n"
                        + text + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/v1/build"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
