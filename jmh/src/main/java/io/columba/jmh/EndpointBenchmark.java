package io.columba.jmh;

import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.server.BoundPorts;
import io.columba.server.ColumbaServer;
import io.columba.server.ServerConfig;
import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.server.http.Cancellation;
import io.columba.server.query.QueryRunner;
import io.columba.server.tinybird.TinybirdApi;
import io.columba.workspace.Workspace;
import io.columba.workspace.local.LocalWorkspaces;
import io.columba.workspace.pipe.Pipe;
import io.columba.workspace.pipe.PipeCompiler;
import io.columba.workspace.token.TokenStore;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fixed cost of an API endpoint call: a project like the quickstart (2,000 events, the {@code actions} pipe:
 * a template node filtering by country, then a GROUP BY node) served by an in-process {@link ColumbaServer} on an
 * ephemeral local port. {@code httpPipe} is {@code GET /v0/pipes/actions.json?country=DE&limit=3} over a
 * keep-alive HTTP/1.1 connection without client threads ({@link KeepAliveHttpClient}): token check, parameters,
 * template render and inlining, query, Tinybird JSON;
 * {@code apiPipe} hands the same request straight to the {@link TinybirdApi} (no HTTP, no thread hop);
 * {@code sqlOnly} runs the compiled SQL and writes its JSON (no auth, no template). The baseline is
 * {@code GET /ping} on the ClickHouse port: the HTTP round trip alone. Scores are microseconds per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class EndpointBenchmark {
    static final int EVENTS = 2_000;

    static final String DATASOURCE = """
            SCHEMA >
                `timestamp` DateTime `json:$.timestamp`,
                `session_id` String `json:$.session_id`,
                `action` LowCardinality(String) `json:$.action`,
                `country` LowCardinality(String) `json:$.country` DEFAULT 'unknown',
                `duration_ms` UInt32 `json:$.duration_ms` DEFAULT 0,
                `revenue` Float64 `json:$.revenue` DEFAULT 0

            ENGINE "MergeTree"
            ENGINE_PARTITION_KEY "toYYYYMM(timestamp)"
            ENGINE_SORTING_KEY "timestamp, session_id"
            """;

    static final String PIPE = """
            NODE filtered
            SQL >
                %
                SELECT action, revenue
                FROM events
                {% if defined(country) %}
                WHERE country = {{ String(country, description="Two-letter country code", example="DE") }}
                {% end %}

            NODE endpoint
            SQL >
                %
                SELECT action, count() AS events, sum(revenue) AS total_revenue
                FROM filtered
                GROUP BY action
                ORDER BY events DESC, action
                LIMIT {{ Int32(limit, 10) }}

            TYPE endpoint
            """;

    private static final Map<String, List<String>> PARAMETERS = Map.of("country", List.of("DE"), "limit", List.of("3"));

    private Path project;
    private Path data;
    private Workspace workspace;
    private LocalWorkspaces workspaces;
    private ColumbaServer server;
    private KeepAliveHttpClient tinybird;
    private KeepAliveHttpClient clickHouse;
    private String pipePath;
    private TinybirdApi api;
    private ApiRequest apiRequest;
    private QueryRunner runner;
    private String compiledSql;

    @Setup(Level.Trial)
    public void start() throws IOException {
        project = BenchmarkData.temporaryFolder("columba-jmh-project");
        Files.createDirectories(project.resolve("datasources"));
        Files.createDirectories(project.resolve("fixtures"));
        Files.createDirectories(project.resolve("endpoints"));
        Files.writeString(project.resolve("datasources/events.datasource"), DATASOURCE);
        Files.writeString(project.resolve("fixtures/events.ndjson"), JsonIngestBenchmark.events(EVENTS, false));
        Files.writeString(project.resolve("endpoints/actions.pipe"), PIPE);
        data = BenchmarkData.temporaryFolder("columba-jmh-data");
        workspace = Workspace.open(data, project);
        workspaces = LocalWorkspaces.around(workspace);
        server = new ColumbaServer(workspaces, ServerConfig.onPorts(0, 0));
        BoundPorts ports = server.start();
        String token = workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN);

        tinybird = new KeepAliveHttpClient("127.0.0.1", ports.tinybirdPort());
        clickHouse = new KeepAliveHttpClient("127.0.0.1", ports.clickHousePort());
        pipePath = "/v0/pipes/actions.json?country=DE&limit=3&token=" + token;

        api = new TinybirdApi(workspaces);
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        headers.add("Authorization", "Bearer " + token);
        apiRequest = new ApiRequest("GET", "/v0/pipes/actions.json", PARAMETERS, headers, new byte[0]);

        runner = new QueryRunner(workspace.database());
        Pipe pipe = workspace.pipes().pipe("actions").orElseThrow();
        compiledSql = new PipeCompiler(workspace.pipes())
                .compile(pipe, pipe.definition().endpointNode(), PARAMETERS);
        System.out.printf("%nEndpointBenchmark: %s%n%s%n", compiledSql, new String(httpPipe(), StandardCharsets.UTF_8));
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        tinybird.close();
        clickHouse.close();
        server.close();
        workspaces.close();
        workspace.close();
        BenchmarkData.deleteRecursively(data);
        BenchmarkData.deleteRecursively(project);
    }

    @Benchmark
    public byte[] httpPipe() throws IOException {
        return tinybird.get(pipePath);
    }

    @Benchmark
    public byte[] httpPing() throws IOException {
        return clickHouse.get("/ping");
    }

    @Benchmark
    public ApiResponse apiPipe() {
        ApiResponse response = api.handle(apiRequest);
        if (response.status() != 200) {
            throw new IllegalStateException("status " + response.status());
        }
        return response;
    }

    @Benchmark
    public byte[] sqlOnly() {
        return runner.run(compiledSql, QuerySettings.forReading(), "JSON", FormatSettings.TINYBIRD, Cancellation.NONE)
                .body();
    }
}
