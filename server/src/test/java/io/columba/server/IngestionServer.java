package io.columba.server;

import io.columba.ingest.buffer.BufferSettings;
import io.columba.workspace.Workspace;
import io.columba.workspace.token.TokenStore;
import java.nio.file.Path;
import java.time.Duration;

/** A server on ephemeral ports with the ingestion project loaded and a long flush delay (flushes by wait=true). */
final class IngestionServer implements AutoCloseable {
    final Workspace workspace;
    final ColumbaServer server;
    final BoundPorts ports;
    final String adminToken;

    IngestionServer(Path dataDirectory, int maxBodyBytes) {
        workspace = Workspace.open(
                dataDirectory,
                IngestionProject.folder(),
                BufferSettings.DEFAULTS.withFlushDelay(Duration.ofMillis(200)));
        server = new ColumbaServer(workspace, new ServerConfig("127.0.0.1", 0, 0, maxBodyBytes, 4, 64));
        ports = server.start();
        adminToken = workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN);
    }

    @Override
    public void close() {
        server.close();
        workspace.close();
    }

    int port() {
        return ports.tinybirdPort();
    }

    String bearer() {
        return "Bearer " + adminToken;
    }

    /** The answer of {@code /v0/sql} to {@code query}, which must succeed. */
    String sql(HttpTestClient http, String query) {
        java.net.http.HttpResponse<String> response = http.get(
                port(),
                "/v0/sql?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8),
                "Authorization",
                bearer());
        org.assertj.core.api.Assertions.assertThat(response.statusCode())
                .as(response.body())
                .isEqualTo(200);
        return response.body();
    }
}
