package io.columba.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.columba.workspace.Workspace;
import io.columba.workspace.token.TokenStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/compare-web-analytics.py over an in-process server with the web-analytics starter kit: each endpoint
 * listed must answer the same rows as its compiled SQL on ClickHouse 18.16 over the same data. Skipped without
 * ../shared/conformance/tinybird, python3 or the ClickHouse peer on 127.0.0.1:18123
 * (scripts/clickhouse-peer.sh start).
 *
 * <p>Left out until the executor answers them: cases with {@code include_previous_period} (a result column
 * {@code c.pathname} keeps its table qualifier, ClickHouse names it {@code pathname}), {@code kpis} (DateTime minus
 * DateTime), the {@code web_vitals_*} endpoints and {@code trend} (qualified column names again). {@code actions} differs
 * by design: 18.16 resolves the WITH alias {@code domain} of tenant_actions to the column, current ClickHouse and
 * Columba to the alias.
 */
class WebAnalyticsClickHouseTest {
    /** The endpoints that match today; the others wait on executor fixes (see the script's output). */
    private static final List<String> ENDPOINTS = List.of(
            "analytics_hits",
            "current_visitors",
            "domain",
            "domains",
            "top_browsers",
            "top_devices",
            "top_locations",
            "top_pages",
            "top_sources");

    private static final String CLICKHOUSE = "http://127.0.0.1:18123";

    @TempDir
    Path dataDirectory;

    @Test
    void endpointsAnswerWhatClickHouseAnswersForTheSameSql() throws IOException, InterruptedException {
        Path project = LogsExplorerConformanceTest.findKit("web-analytics-starter-kit", "endpoints");
        assumeThat(project).as("../shared/conformance/tinybird is absent").isNotNull();
        Path script = findScript();
        assumeThat(script).as("scripts/compare-web-analytics.py not found").isNotNull();
        assumeThat(answers(CLICKHOUSE + "/ping"))
                .as("no ClickHouse peer on " + CLICKHOUSE)
                .isTrue();
        assumeThat(hasPython()).as("python3 is absent").isTrue();
        try (Workspace workspace = Workspace.open(dataDirectory, project)) {
            ColumbaServer server = new ColumbaServer(workspace, ServerConfig.onPorts(0, 0));
            BoundPorts ports = server.start();
            try {
                Process process = new ProcessBuilder(
                                "python3",
                                script.toString(),
                                "--project",
                                project.toString(),
                                "--columba-url",
                                "http://127.0.0.1:" + ports.tinybirdPort(),
                                "--token",
                                workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN),
                                "--database",
                                "wa_check_test",
                                "--endpoints",
                                String.join(",", ENDPOINTS),
                                "--skip-param",
                                "include_previous_period")
                        .redirectErrorStream(true)
                        .start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor()).as(output).isZero();
                assertThat(output).as(output).doesNotContain("FAIL").contains("answer the same rows");
            } finally {
                server.close();
            }
        }
    }

    private static Path findScript() {
        Path directory = Path.of("").toAbsolutePath();
        for (int up = 0; up < 2 && directory != null; up++, directory = directory.getParent()) {
            Path candidate = directory.resolve("scripts/compare-web-analytics.py");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean answers(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean hasPython() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
