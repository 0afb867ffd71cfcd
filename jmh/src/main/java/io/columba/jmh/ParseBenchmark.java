package io.columba.jmh;

import io.columba.sql.parser.SqlParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing speed on ClickHouse's own test queries ({@code ../shared/conformance/clickhouse-selects}): one operation
 * parses every statement of the corpus that parses (failures are left out, so the work is the same each run).
 * Statements per second = statements / (seconds per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParseBenchmark {
    @Param("/work/shared/conformance/clickhouse-selects")
    public String corpus;

    private List<String> statements;

    @Setup
    public void load() throws IOException {
        statements = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(corpus))) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                for (String statement : text.split(";")) {
                    if (statement.isBlank()) {
                        continue;
                    }
                    try {
                        SqlParser.parse(statement);
                        statements.add(statement);
                    } catch (RuntimeException skipped) {
                        // Only statements that parse are timed.
                    }
                }
            }
        }
        System.out.println("ParseBenchmark: " + statements.size() + " statements");
    }

    @Benchmark
    public int parseCorpus() {
        int parsed = 0;
        for (String statement : statements) {
            parsed += SqlParser.parse(statement) != null ? 1 : 0;
        }
        return parsed;
    }
}
