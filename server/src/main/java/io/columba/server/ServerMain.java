package io.columba.server;

import io.columba.ingest.buffer.BufferSettings;
import io.columba.workspace.local.LocalWorkspaces;
import io.columba.workspace.token.TokenStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the server in the foreground without the CLI (tests that kill the process use it): options
 * {@code --data-dir <dir>}, {@code --project <dir>}, {@code --port <n>}, {@code --clickhouse-port <n>} (0:
 * ephemeral), {@code --flush-delay-ms <n>} and {@code --flush-bytes <n>} (insert buffer). Prints
 * {@code ready <tinybird port> <clickhouse port> <admin token>} once serving.
 */
public final class ServerMain {
    private ServerMain() {}

    public static void main(String[] arguments) throws InterruptedException {
        Path data = Path.of(".columba");
        Path project = null;
        int port = ServerConfig.DEFAULT_TINYBIRD_PORT;
        int clickHousePort = ServerConfig.DEFAULT_CLICKHOUSE_PORT;
        BufferSettings buffering = BufferSettings.DEFAULTS;
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            String value = arguments[i + 1];
            switch (arguments[i]) {
                case "--data-dir" -> data = Path.of(value);
                case "--project" -> project = Path.of(value);
                case "--port" -> port = Integer.parseInt(value);
                case "--clickhouse-port" -> clickHousePort = Integer.parseInt(value);
                case "--flush-delay-ms" ->
                    buffering = buffering.withFlushDelay(Duration.ofMillis(Long.parseLong(value)));
                case "--flush-bytes" -> buffering = buffering.withFlushBytes(Long.parseLong(value));
                default -> throw new IllegalArgumentException("unknown option " + arguments[i]);
            }
        }
        LocalWorkspaces workspaces = LocalWorkspaces.open(data, project, buffering);
        ColumbaServer server = new ColumbaServer(workspaces, ServerConfig.onPorts(port, clickHousePort));
        BoundPorts ports = server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            workspaces.close();
            stopped.countDown();
        }));
        System.out.println("ready " + ports.tinybirdPort() + " " + ports.clickHousePort() + " "
                + workspaces.main().read(live -> live.tokens().tokenText(TokenStore.ADMIN_TOKEN)));
        System.out.flush();
        stopped.await();
    }
}
