package io.columba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.server.ColumbaServer;
import io.columba.server.ServerConfig;
import io.columba.workspace.Workspace;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code columba sql} against a real server with the quickstart project. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlCommandTest {
    @TempDir
    static Path dataDirectory;

    private Workspace workspace;
    private ColumbaServer server;
    private String host;

    @BeforeAll
    void start() {
        workspace = Workspace.open(dataDirectory, ProjectPaths.quickstart());
        server = new ColumbaServer(workspace, ServerConfig.onPorts(0, 0));
        host = "http://127.0.0.1:" + server.start().tinybirdPort();
    }

    @AfterAll
    void stop() {
        server.close();
        workspace.close();
    }

    @Test
    void printsATableUsingTheTokenFromTokens() throws IOException {
        long rows;
        try (var lines = Files.lines(ProjectPaths.quickstart().resolve("fixtures/events.ndjson"))) {
            rows = lines.filter(line -> !line.isBlank()).count();
        }

        CommandRun run = CommandRun.of("sql", "--host", host, "SELECT count() AS n FROM events;");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("─n─").contains("│ " + rows + " │").endsWith("1 row in set.\n");
    }

    @Test
    void printsTheBodyAsIsWhenTheQueryNamesAFormat() {
        CommandRun run = CommandRun.of("sql", "--host", host, "SELECT 1 AS one FORMAT JSONEachRow");

        assertThat(run.out()).isEqualTo("{\"one\":1}\n");
    }

    @Test
    void errorsGoToStderrWithExitCode1() {
        CommandRun run = CommandRun.of("sql", "--host", host, "SELECT count( FROM events");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ").contains("position");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aServerThatIsNotRunningIsAClearError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CommandRun run = CommandRun.of("sql", "--host", "http://127.0.0.1:" + closedPort, "SELECT 1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach Columba").contains("local start");
    }
}
