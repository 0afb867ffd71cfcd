package io.columba.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.columba.server.ColumbaServer;
import io.columba.server.ServerConfig;
import io.columba.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code columba build} and {@code columba test run} against a running server, on tinybirdco/logs-explorer-template
 * and its recorded test cases (skipped without ../shared/conformance).
 */
class ProjectCommandsTest {
    /** How a case fails when the engine lacks a SQL feature (as LogsExplorerConformanceTest tells them apart). */
    private static final Pattern MISSING_FEATURE =
            Pattern.compile("found 400: .*\\((UNKNOWN_FUNCTION|NOT_IMPLEMENTED|SYNTAX_ERROR|UNKNOWN_AGGREGATE_FUNCTION"
                    + "|ILLEGAL_AGGREGATION)\\)\"}$");

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, (\\d+) failed");

    @TempDir
    Path folder;

    private Workspace workspace;
    private ColumbaServer server;
    private String host;

    @BeforeEach
    void start() {
        workspace = Workspace.open(folder.resolve("data"));
        server = new ColumbaServer(workspace, ServerConfig.onPorts(0, 0));
        host = "http://127.0.0.1:" + server.start().tinybirdPort();
    }

    @AfterEach
    void stop() {
        server.close();
        workspace.close();
    }

    private Path logsExplorer() throws IOException {
        Path project = LogsExplorerProject.find();
        assumeThat(project)
                .as("../shared/conformance/tinybird/logs-explorer-template is absent")
                .isNotNull();
        return LogsExplorerProject.copyWithoutTtl(project, folder.resolve("project"));
    }

    @Test
    void buildsLogsExplorerAndPassesEveryTestTheEngineCanRun() throws IOException {
        Path project = logsExplorer();
        CommandRun build = CommandRun.of("build", project.toString(), "--host", host);
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.out())
                .startsWith("Built 4 data sources and 7 pipes from 12 files")
                .contains("new datasources: logs, logs_daily_dimensions, logs_daily_timeseries, logs_range_15m");

        CommandRun again = CommandRun.of("build", project.toString(), "--host", host);
        assertThat(again.out()).startsWith("No changes: 4 data sources and 7 pipes");

        CommandRun tests = CommandRun.of("test", "run", project.toString(), "--host", host);
        List<String> lines = tests.out().lines().toList();
        int passed = 0;
        int failed = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("✓ ")) {
                passed++;
            } else if (lines.get(i).startsWith("✗ ")) {
                failed++;
                assertThat(lines.get(i + 1)).as(lines.get(i)).containsPattern(MISSING_FEATURE);
            }
        }
        assertThat(passed + failed)
                .isEqualTo(TestRunCommand.read(project.resolve("tests")).size());
        assertThat(passed).isGreaterThanOrEqualTo(34);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(passed + " passed, " + failed + " failed");
        assertThat(tests.exitCode()).isEqualTo(failed == 0 ? 0 : 1);
    }

    @Test
    void aWrongExpectationFailsWithTheDifferingLine() throws IOException {
        Path project = logsExplorer();
        Path tests = project.resolve("tests");
        for (Path file :
                List.of("generic_counter.yaml", "log_analysis.yaml", "log_explorer.yaml", "log_timeseries.yaml")
                        .stream()
                        .map(tests::resolve)
                        .toList()) {
            if (!file.endsWith("generic_counter.yaml")) {
                Files.delete(file);
            }
        }
        String yaml = Files.readString(tests.resolve("generic_counter.yaml"));
        Files.writeString(
                tests.resolve("generic_counter.yaml"), yaml.replaceFirst("\"count\":(\\d+)", "\"count\":999"));
        assertThat(CommandRun.of("build", project.toString(), "--host", host).exitCode())
                .isZero();

        CommandRun run = CommandRun.of("test", "run", project.toString(), "--host", host);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("✗ generic_counter").contains("differs").contains("\"count\":999");
        assertThat(SUMMARY.matcher(run.out()).find()).isTrue();
    }

    @Test
    void aBadDatafileFailsTheBuildNamingFileAndLine() throws IOException {
        Path project = folder.resolve("bad");
        Files.createDirectories(project.resolve("endpoints"));
        Files.writeString(project.resolve("endpoints/broken.pipe"), "NODE n\nSQL >\n    SELECT 1\n\nTYPE nonsense\n");
        CommandRun run = CommandRun.of("build", project.toString(), "--host", host);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Build failed").contains("endpoints/broken.pipe: line 5");
    }
}
