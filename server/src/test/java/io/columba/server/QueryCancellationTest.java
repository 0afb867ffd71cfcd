package io.columba.server;

import static io.columba.server.HttpTestClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that closes its connection while its query runs gets the query cancelled, on the ClickHouse HTTP
 * interface and on {@code /v0/sql}; the server keeps answering. The queries would run for hours otherwise (their
 * {@code max_execution_time} only keeps a broken build from running them forever).
 */
class QueryCancellationTest {
    private static final String ENDLESS =
            "SELECT sum(number) FROM numbers(1000000000000) SETTINGS max_execution_time = 300";

    @TempDir
    Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();
    private RunningServer running;

    @BeforeEach
    void start() {
        running = RunningServer.start(dataDirectory);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void closingTheConnectionCancelsAClickHouseInterfaceQuery() throws IOException {
        String basic =
                Base64.getEncoder().encodeToString(("default:" + running.adminToken).getBytes(StandardCharsets.UTF_8));
        String request = "GET /?query=" + encode(ENDLESS) + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + basic + "\r\n\r\n";

        sendThenHangUp(running.ports.clickHousePort(), request);

        assertThat(http.get(running.ports.clickHousePort(), "/?query=SELECT+1", "Authorization", "Basic " + basic)
                        .body())
                .isEqualTo("1\n");
    }

    @Test
    void closingTheConnectionCancelsASqlApiQuery() throws IOException {
        String request = "GET /v0/sql?q=" + encode(ENDLESS) + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + running.adminToken + "\r\n\r\n";

        sendThenHangUp(running.ports.tinybirdPort(), request);

        assertThat(http.get(
                                running.ports.tinybirdPort(),
                                "/v0/sql?q=" + encode("SELECT 1"),
                                "Authorization",
                                "Bearer " + running.adminToken)
                        .body())
                .isEqualTo("1\n");
    }

    /** Sends {@code request}, waits until its query runs, closes the connection and waits until no query runs. */
    private void sendThenHangUp(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            awaitTrue(() -> running.server.runningQueries().count() == 1, "the query to start");
        }
        awaitTrue(() -> running.server.runningQueries().count() == 0, "the query to be cancelled");
    }

    /** Polls {@code condition}; fails after a minute (a cancelled query stops at its next block, within moments). */
    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
