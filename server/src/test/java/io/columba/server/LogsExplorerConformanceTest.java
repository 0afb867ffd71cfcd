package io.columba.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.columba.workspace.Workspace;
import io.columba.workspace.token.TokenStore;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code tests/*.yaml} cases of tinybirdco/logs-explorer-template, whose expected outputs real Tinybird
 * produced, run as {@code tb test run} does: {@code GET /v0/pipes/<pipe>.ndjson?<parameters>} against the project
 * loaded with its fixtures, the body compared line by line (or the status and error message for error cases).
 * A case the engine cannot run yet (a SQL function or clause it lacks) is skipped with the executor's message;
 * any other difference fails. Skipped entirely without ../shared/conformance/tinybird.
 *
 * <p>The fixture's rows date from February 2025 and {@code logs.datasource} keeps rows 180 days
 * ({@code ENGINE_TTL}), so on any later day the engine rightly drops them all on insert. The expected outputs were
 * recorded while the rows were live; the test loads a copy of the project without {@code ENGINE_TTL} lines to
 * compare against them on any date.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogsExplorerConformanceTest {
    /**
     * Executor errors that mean "not supported yet" rather than "wrong": functions and syntax it lacks, and
     * ILLEGAL_AGGREGATION for {@code countMerge(count) AS count}, an alias named like the column it aggregates,
     * which ClickHouse resolves to the column.
     */
    private static final Pattern MISSING_FEATURE = Pattern.compile(
            "\\((UNKNOWN_FUNCTION|NOT_IMPLEMENTED|SYNTAX_ERROR|UNKNOWN_AGGREGATE_FUNCTION|ILLEGAL_AGGREGATION)\\)$");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDirectory;

    private final HttpTestClient http = new HttpTestClient();
    private Workspace workspace;
    private ColumbaServer server;
    private int port;
    private String adminToken;

    private record TestCase(String pipe, String name, String parameters, String expected, int status) {}

    @TestFactory
    Stream<DynamicTest> logsExplorerTestCases() throws IOException {
        Path project = findProject();
        assumeThat(project)
                .as("../shared/conformance/tinybird/logs-explorer-template is absent; skipping its test cases")
                .isNotNull();
        workspace =
                Workspace.open(dataDirectory.resolve("data"), withoutTtl(project, dataDirectory.resolve("project")));
        server = new ColumbaServer(workspace, ServerConfig.onPorts(0, 0));
        port = server.start().tinybirdPort();
        adminToken = workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN);
        List<TestCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(project.resolve("tests"))) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                cases.addAll(read(file));
            }
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.pipe() + " " + c.name(), () -> run(c)));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (workspace != null) {
            workspace.close();
        }
    }

    private void run(TestCase testCase) throws IOException {
        String query = testCase.parameters().replace(" ", "%20");
        HttpResponse<String> response = http.get(
                port,
                "/v0/pipes/" + testCase.pipe() + ".ndjson" + (query.isEmpty() ? "" : "?" + query),
                "Authorization",
                "Bearer " + adminToken);
        if (testCase.status() != 200) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(testCase.status());
            assertThat(JSON.readTree(response.body()).get("error").asText())
                    .isEqualTo(testCase.expected().strip());
            return;
        }
        if (response.statusCode() == 400) {
            String error = JSON.readTree(response.body()).get("error").asText();
            Matcher missing = MISSING_FEATURE.matcher(error);
            Assumptions.assumeFalse(missing.find(), () -> "the engine lacks a SQL feature: " + error);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body().lines().toList())
                .as("%s?%s", testCase.pipe(), testCase.parameters())
                .containsExactlyElementsOf(testCase.expected().lines().toList());
    }

    /** A copy of {@code project} in {@code copy} whose .datasource files have no ENGINE_TTL line. */
    private static Path withoutTtl(Path project, Path copy) throws IOException {
        try (Stream<Path> paths = Files.walk(project)) {
            for (Path source : paths.toList()) {
                Path target = copy.resolve(project.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.toString().endsWith(".datasource")) {
                    List<String> lines = Files.readAllLines(source).stream()
                            .filter(line -> !line.startsWith("ENGINE_TTL"))
                            .toList();
                    Files.write(target, lines);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    private static List<TestCase> read(Path file) throws IOException {
        String pipe = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        List<TestCase> cases = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Map<String, Object>> entries = new Yaml().load(reader);
            for (Map<String, Object> entry : entries) {
                Object status = entry.get("expected_http_status");
                cases.add(new TestCase(
                        pipe,
                        String.valueOf(entry.get("name")),
                        entry.get("parameters") == null ? "" : String.valueOf(entry.get("parameters")),
                        entry.get("expected_result") == null ? "" : String.valueOf(entry.get("expected_result")),
                        status == null ? 200 : ((Number) status).intValue()));
            }
        }
        return cases;
    }

    static Path findProject() {
        return findKit("logs-explorer-template", "tests");
    }

    /** ../shared/conformance/tinybird/{@code name} when it holds the folder {@code marker}, or null. */
    static Path findKit(String name, String marker) {
        Path directory = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && directory != null; up++, directory = directory.getParent()) {
            Path candidate = directory.resolve("shared/conformance/tinybird/" + name);
            if (Files.isDirectory(candidate.resolve(marker))) {
                return candidate;
            }
        }
        return null;
    }
}
