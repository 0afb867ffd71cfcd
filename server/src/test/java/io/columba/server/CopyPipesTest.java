package io.columba.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columba.workspace.Workspace;
import io.columba.workspace.token.TokenStore;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v0/pipes/<copy pipe>/copy}: a job appending or replacing its target with the pipe's result. */
class CopyPipesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final HttpTestClient http = new HttpTestClient();
    private Workspace workspace;
    private ColumbaServer server;
    private int port;
    private String bearer;

    @BeforeEach
    void start() throws IOException {
        Path project = folder.resolve("project");
        Files.createDirectories(project.resolve("datasources"));
        Files.createDirectories(project.resolve("fixtures"));
        Files.writeString(
                project.resolve("datasources/events.datasource"),
                "SCHEMA >\n    `id` UInt64 `json:$.id`,\n    `country` String `json:$.country`\n\n"
                        + "ENGINE MergeTree\nENGINE_SORTING_KEY id\n");
        Files.writeString(
                project.resolve("datasources/by_country.datasource"),
                "SCHEMA >\n    `country` String,\n    `n` UInt64\n\nENGINE MergeTree\nENGINE_SORTING_KEY country\n");
        Files.writeString(
                project.resolve("fixtures/events.ndjson"),
                "{\"id\":1,\"country\":\"ES\"}\n{\"id\":2,\"country\":\"ES\"}\n{\"id\":3,\"country\":\"DE\"}\n");
        Files.writeString(
                project.resolve("copy_countries.pipe"),
                "NODE counts\nSQL >\n    %\n    SELECT country, count() AS n FROM events\n"
                        + "    WHERE id >= {{ UInt64(min_id, 0) }}\n    GROUP BY country\n\n"
                        + "TYPE copy\nTARGET_DATASOURCE by_country\n");
        workspace = Workspace.open(folder.resolve("data"), project);
        server = new ColumbaServer(workspace, ServerConfig.onPorts(0, 0));
        port = server.start().tinybirdPort();
        bearer = "Bearer " + workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
        workspace.close();
    }

    private JsonNode copy(String query) throws Exception {
        HttpResponse<String> response =
                http.post(port, "/v0/pipes/copy_countries/copy" + query, "", "Authorization", bearer);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String id = JSON.readTree(response.body()).get("id").asText();
        while (true) {
            JsonNode job = JSON.readTree(
                    http.get(port, "/v0/jobs/" + id, "Authorization", bearer).body());
            String status = job.get("status").asText();
            if (!status.equals("waiting") && !status.equals("working")) {
                return job;
            }
            Thread.sleep(20);
        }
    }

    private String sql(String query) {
        return http.get(port, "/v0/sql?q=" + HttpTestClient.encode(query), "Authorization", bearer)
                .body();
    }

    @Test
    void appendsThenReplacesTheTargetWithTheResult() throws Exception {
        JsonNode appended = copy("?min_id=2");
        JsonNode again = copy("");

        assertThat(appended.get("status").asText()).as(appended.toString()).isEqualTo("done");
        assertThat(appended.get("kind").asText()).isEqualTo("copy");
        assertThat(appended.get("pipe_name").asText()).isEqualTo("copy_countries");
        assertThat(appended.get("statistics").get("row_count").asLong()).isEqualTo(2);
        assertThat(again.get("status").asText()).isEqualTo("done");
        assertThat(sql("SELECT country, sum(n) FROM by_country GROUP BY country ORDER BY country"))
                .isEqualTo("DE\t2\nES\t3\n");

        JsonNode replaced = copy("?_mode=replace");

        assertThat(replaced.get("status").asText()).isEqualTo("done");
        assertThat(sql("SELECT country, n FROM by_country ORDER BY country")).isEqualTo("DE\t1\nES\t2\n");
        assertThat(sql("SELECT count() FROM tinybird.datasources_ops_log WHERE event_type = 'copy'"
                        + " AND pipe_name = 'copy_countries' AND result = 'ok'"))
                .isEqualTo("3\n");
    }

    @Test
    void refusesPipesThatAreNotCopyPipesAndBadModes() {
        HttpResponse<String> mode =
                http.post(port, "/v0/pipes/copy_countries/copy?_mode=upsert", "", "Authorization", bearer);
        HttpResponse<String> unknown = http.post(port, "/v0/pipes/nothing/copy", "", "Authorization", bearer);

        assertThat(mode.statusCode()).isEqualTo(400);
        assertThat(mode.body()).contains("upsert");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
