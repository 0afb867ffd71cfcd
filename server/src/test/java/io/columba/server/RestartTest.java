package io.columba.server;

import static io.columba.server.HttpTestClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.columba.workspace.Workspace;
import io.columba.workspace.token.TokenStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data and tokens survive a restart on the same data folder; oversized bodies are refused. */
class RestartTest {
    @TempDir
    Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();

    @Test
    void dataAndTokensSurviveARestart() {
        String before;
        String tokenBefore;
        try (RunningServer first = RunningServer.start(dataDirectory)) {
            tokenBefore = first.adminToken;
            before = count(first.ports.tinybirdPort(), tokenBefore);
        }
        try (RunningServer second = RunningServer.start(dataDirectory)) {
            String after = count(second.ports.tinybirdPort(), tokenBefore);

            assertThat(second.workspace.datasources())
                    .allSatisfy(loaded -> assertThat(loaded.created())
                            .as("tables are kept, fixtures not appended twice")
                            .isFalse());
            assertThat(before).isEqualTo(QuickstartProject.eventRows() + "\n");
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void bodiesOverTheLimitGet413() {
        ServerConfig small = new ServerConfig("127.0.0.1", 0, 0, 1024, 2, 8);
        try (Workspace workspace = Workspace.open(dataDirectory);
                ColumbaServer server = new ColumbaServer(workspace, small)) {
            BoundPorts ports = server.start();
            String token = workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN);

            HttpResponse<String> tinybird = http.post(ports.tinybirdPort(), "/v0/sql?token=" + token, "x".repeat(4096));
            HttpResponse<String> clickHouse =
                    http.post(ports.clickHousePort(), "/?password=" + token, "x".repeat(4096));
            HttpResponse<String> stillServing = http.get(ports.clickHousePort(), "/ping");

            assertThat(tinybird.statusCode()).isEqualTo(413);
            assertThat(clickHouse.statusCode()).isEqualTo(413);
            assertThat(stillServing.body()).isEqualTo("Ok.\n");
        }
    }

    private String count(int port, String token) {
        HttpResponse<String> response =
                http.get(port, "/v0/sql?q=" + encode("SELECT count() FROM events"), "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
