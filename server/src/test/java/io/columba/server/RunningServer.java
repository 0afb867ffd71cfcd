package io.columba.server;

import io.columba.workspace.Workspace;
import io.columba.workspace.token.TokenStore;
import java.nio.file.Path;

/** A server on ephemeral ports over a data folder with the quickstart project loaded, for end-to-end tests. */
final class RunningServer implements AutoCloseable {
    final Workspace workspace;
    final ColumbaServer server;
    final BoundPorts ports;
    final String adminToken;

    private RunningServer(Workspace workspace, ColumbaServer server, BoundPorts ports) {
        this.workspace = workspace;
        this.server = server;
        this.ports = ports;
        this.adminToken = workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN);
    }

    static RunningServer start(Path dataDirectory) {
        Workspace workspace = Workspace.open(dataDirectory, QuickstartProject.folder());
        ColumbaServer server = new ColumbaServer(workspace, ServerConfig.onPorts(0, 0));
        return new RunningServer(workspace, server, server.start());
    }

    @Override
    public void close() {
        server.close();
        workspace.close();
    }
}
