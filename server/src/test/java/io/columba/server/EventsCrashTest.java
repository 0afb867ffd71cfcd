package io.columba.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log's promise: a client sends numbered events while the server process is killed with
 * {@code kill -9} and restarted several times; every event acknowledged (202 or 200) is there exactly once.
 */
class EventsCrashTest {
    private static final int KILLS = 4;
    private static final int EVENTS_PER_REQUEST = 40;

    @TempDir
    Path dataDirectory;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyAcknowledgedEventSurvivesKillNineExactlyOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Long> acknowledged = new ArrayList<>();
        long nextId = 0;
        for (int run = 0; run < KILLS; run++) {
            ServerProcess server = ServerProcess.start(dataDirectory);
            Sender sender = new Sender(server, nextId, random.nextBoolean());
            Thread thread = new Thread(sender);
            thread.start();
            Thread.sleep(300 + random.nextInt(700));
            server.kill();
            thread.join();
            acknowledged.addAll(sender.acknowledged);
            nextId = sender.nextId;
        }
        ServerProcess last = ServerProcess.start(dataDirectory);
        try {
            Map<Long, Integer> stored = storedIds(last);
            List<Long> missing = new ArrayList<>();
            List<Long> duplicated = new ArrayList<>();
            for (long id : acknowledged) {
                int copies = stored.getOrDefault(id, 0);
                if (copies == 0) {
                    missing.add(id);
                } else if (copies > 1) {
                    duplicated.add(id);
                }
            }
            String context = "seed " + seed + ", " + acknowledged.size() + " acknowledged of " + nextId + " sent";
            System.out.println(
                    "EventsCrashTest: " + context + ", " + stored.size() + " stored after " + KILLS + " kills");
            assertThat(acknowledged).as(context).hasSizeGreaterThan(KILLS * EVENTS_PER_REQUEST);
            assertThat(missing).as("acknowledged events lost, " + context).isEmpty();
            assertThat(duplicated)
                    .as("acknowledged events stored twice, " + context)
                    .isEmpty();
            assertThat(stored.values()).as("no event stored twice, " + context).allMatch(copies -> copies == 1);
        } finally {
            last.kill();
        }
    }

    @Test
    void rowsAcknowledgedButNotYetInsertedSurviveKillNineExactlyOnce() throws Exception {
        long hour = 3_600_000;
        ServerProcess first = ServerProcess.start(dataDirectory, hour);
        long nextId;
        try {
            nextId = post(first, 0, 3, true);
            // Acknowledged with 202 while the buffer waits an hour before inserting them.
            nextId = post(first, nextId, 3, false);
        } finally {
            first.kill();
        }
        ServerProcess second = ServerProcess.start(dataDirectory, hour);
        try {
            Map<Long, Integer> stored = storedIds(second);
            assertThat(stored.keySet()).as("every acknowledged event").hasSize((int) nextId);
            assertThat(stored.values()).as("each stored once").allMatch(copies -> copies == 1);
        } finally {
            second.kill();
        }
    }

    /** Posts {@code requests} requests of numbered events from {@code firstId}; returns the next id. */
    private long post(ServerProcess server, long firstId, int requests, boolean wait) throws Exception {
        long nextId = firstId;
        for (int r = 0; r < requests; r++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < EVENTS_PER_REQUEST; i++) {
                body.append("{\"id\":").append(nextId++).append(",\"client\":\"pending\"}\n");
            }
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(
                                    URI.create(server.url("/v0/events?name=numbered" + (wait ? "&wait=true" : ""))))
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(wait ? 200 : 202);
        }
        return nextId;
    }

    private Map<Long, Integer> storedIds(ServerProcess server) throws Exception {
        String sql = URLEncoder.encode("SELECT id FROM numbered FORMAT TabSeparated", StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(server.url("/v0/sql?q=" + sql)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<Long, Integer> counts = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (!line.isEmpty()) {
                counts.merge(Long.parseLong(line), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Sends numbered events until the server dies; remembers those acknowledged. */
    private final class Sender implements Runnable {
        final ServerProcess server;
        final boolean wait;
        final List<Long> acknowledged = new ArrayList<>();
        long nextId;

        Sender(ServerProcess server, long firstId, boolean wait) {
            this.server = server;
            this.nextId = firstId;
            this.wait = wait;
        }

        @Override
        public void run() {
            while (true) {
                StringBuilder body = new StringBuilder();
                long first = nextId;
                for (int i = 0; i < EVENTS_PER_REQUEST; i++) {
                    body.append("{\"id\":").append(nextId++).append(",\"client\":\"crash\"}\n");
                }
                HttpRequest request = HttpRequest.newBuilder(
                                URI.create(server.url("/v0/events?name=numbered" + (wait ? "&wait=true" : ""))))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build();
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 && response.statusCode() != 202) {
                        throw new AssertionError("unexpected answer " + response.statusCode() + ": " + response.body());
                    }
                    for (long id = first; id < nextId; id++) {
                        acknowledged.add(id);
                    }
                } catch (IOException e) {
                    return; // the server was killed: this request is not acknowledged
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A Columba server in its own JVM, started from the test classpath. */
    private static final class ServerProcess {
        final Process process;
        final int port;
        final String token;

        private ServerProcess(Process process, int port, String token) {
            this.process = process;
            this.port = port;
            this.token = token;
        }

        static ServerProcess start(Path data) throws IOException {
            return start(data, 20);
        }

        /** A server whose buffer inserts rows not waited for {@code flushDelayMillis} after they come. */
        static ServerProcess start(Path data, long flushDelayMillis) throws IOException {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(
                            java,
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ServerMain.class.getName(),
                            "--data-dir",
                            data.toString(),
                            "--project",
                            IngestionProject.folder().toString(),
                            "--port",
                            "0",
                            "--clickhouse-port",
                            "0",
                            "--flush-delay-ms",
                            String.valueOf(flushDelayMillis),
                            "--flush-bytes",
                            "2048")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("ready ")) {
                    String[] pieces = line.split(" ");
                    return new ServerProcess(process, Integer.parseInt(pieces[1]), pieces[3]);
                }
            }
            throw new IllegalStateException("the server exited with " + waitFor(process) + " before it was ready");
        }

        String url(String pathAndQuery) {
            return "http://127.0.0.1:" + port + pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "token="
                    + token;
        }

        /** SIGKILL: no shutdown hook runs, nothing is flushed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        private static int waitFor(Process process) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }
}
