package io.columba.jmh;

import io.columba.sql.parser.SqlParser;
import io.columba.workspace.datafile.PipeDefinition;
import io.columba.workspace.datafile.PipeParser;
import io.columba.workspace.pipe.Pipe;
import io.columba.workspace.pipe.PipeCatalog;
import io.columba.workspace.pipe.PipeCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing on the request path: the SQL that the endpoints of the web analytics starter kit compile to (default
 * parameters), which a pipe endpoint parses on every request ({@code parsePipeEndpoints}), and the 43 ClickBench
 * queries ({@code parseClickBench}). One operation parses each statement of its set once: microseconds per
 * statement = score / statements (printed at setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipeParseBenchmark {
    @Param("/work/shared/conformance/tinybird/web-analytics-starter-kit")
    public String project;

    @Param("/work/shared/bench/clickbench-queries.sql")
    public String clickBench;

    private List<String> endpoints;
    private List<String> queries;

    @Setup
    public void load() throws IOException {
        List<PipeDefinition> definitions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(project))) {
            for (Path file : files.filter(p -> p.toString().endsWith(PipeParser.EXTENSION))
                    .sorted()
                    .toList()) {
                definitions.add(PipeParser.parse(file));
            }
        }
        PipeCatalog catalog = PipeCatalog.of(definitions);
        PipeCompiler compiler = new PipeCompiler(catalog);
        endpoints = new ArrayList<>();
        for (Pipe pipe : catalog.pipes()) {
            if (pipe.definition().endpointNode() != null) {
                endpoints.add(compiler.compile(pipe, pipe.definition().endpointNode(), Map.of()));
            }
        }
        queries = Files.readAllLines(Path.of(clickBench), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
        System.out.printf(
                "%nPipeParseBenchmark: %d endpoint statements (%d characters), %d ClickBench queries%n",
                endpoints.size(), endpoints.stream().mapToInt(String::length).sum(), queries.size());
    }

    @Benchmark
    public int parsePipeEndpoints() {
        return parseAll(endpoints);
    }

    @Benchmark
    public int parseClickBench() {
        return parseAll(queries);
    }

    private static int parseAll(List<String> statements) {
        int parsed = 0;
        for (String statement : statements) {
            parsed += SqlParser.parse(statement) != null ? 1 : 0;
        }
        return parsed;
    }
}
