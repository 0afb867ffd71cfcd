package io.columba.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.columba.server.ColumbaServer;
import io.columba.server.ServerConfig;
import io.columba.storage.engine.MergeTreeTable;
import io.columba.workspace.Workspace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Tinybird npm clients against Columba on localhost:7181, where they expect Tinybird Local:
 * {@code tinybird build} of @tinybirdco/sdk builds logs-explorer-template, then @chronark/zod-bird ingests and
 * reads an endpoint, the SDK's client ingests a batch and @tinybirdco/mockingbird generates events, each ingest
 * checked by counting rows ({@code scripts/npm-clients/check.mjs}, also run by {@code scripts/npm-clients.sh}). The
 * packages are installed once into {@code target/npm-clients}. Skipped without Node and npm, without the npm
 * registry, when port 7181 is taken, or without ../shared/conformance.
 */
class NpmClientsTest {
    private static final Path CACHE = Path.of("target/npm-clients").toAbsolutePath();
    private static final String CONFIG = """
            {
              "include": ["datasources/*.datasource", "endpoints/*.pipe", "materializations/*.pipe"],
              "token": "${TINYBIRD_TOKEN}",
              "baseUrl": "http://localhost:7181",
              "devMode": "local"
            }
            """;

    @TempDir
    Path data;

    @Test
    void tinybirdBuildThenZodBirdReadsAnEndpoint() throws Exception {
        Path project = LogsExplorerProject.find();
        assumeThat(project)
                .as("../shared/conformance/tinybird/logs-explorer-template is absent")
                .isNotNull();
        Path scripts = scriptsFolder();
        assumeThat(run(List.of("node", "--version"), Path.of("."), 30))
                .as("node is not installed")
                .isEqualTo(0);
        assumeThat(run(List.of("npm", "--version"), Path.of("."), 30))
                .as("npm is not installed")
                .isEqualTo(0);
        assumeThat(portFree(7181)).as("port 7181 is taken").isTrue();
        Files.createDirectories(CACHE);
        Files.copy(scripts.resolve("package.json"), CACHE.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
        for (String script : List.of("check.mjs", "build.mjs")) {
            Files.copy(scripts.resolve(script), CACHE.resolve(script), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(CACHE.resolve("node_modules/@tinybirdco/sdk"))
                || !Files.isDirectory(CACHE.resolve("node_modules/@chronark/zod-bird"))
                || !Files.isDirectory(CACHE.resolve("node_modules/@tinybirdco/mockingbird"))) {
            int installed = run(List.of("npm", "install", "--no-audit", "--no-fund", "--ignore-scripts"), CACHE, 300);
            assumeThat(installed)
                    .as("npm install failed: is the npm registry reachable?")
                    .isEqualTo(0);
        }
        Path copy = CACHE.resolve("project");
        MergeTreeTable.deleteFolder(copy);
        LogsExplorerProject.copyWithoutTtl(project, copy);
        Files.writeString(copy.resolve("tinybird.config.json"), CONFIG);

        try (Workspace workspace = Workspace.open(data);
                ColumbaServer server = new ColumbaServer(
                        workspace, ServerConfig.onPorts(7181, 0).withHost("127.0.0.1"))) {
            server.start();
            Path log = data.resolve("check.log");
            int exit = run(List.of("node", "check.mjs"), CACHE, 240, log);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(exit).as(output).isZero();
            assertThat(output)
                    .contains("zod-bird read 3 rows from log_analysis, 1 with level=ERROR")
                    .contains("the SDK ingested 500 rows")
                    .contains("mockingbird ingested 1000 rows")
                    .endsWith("OK\n");
        }
    }

    private static Path scriptsFolder() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("scripts/npm-clients");
            if (Files.isRegularFile(candidate.resolve("check.mjs"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/npm-clients/check.mjs not found");
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int run(List<String> command, Path directory, int timeoutSeconds) throws Exception {
        return run(command, directory, timeoutSeconds, null);
    }

    /** Runs {@code command}, its output into {@code log} (or discarded); -1 when it cannot start or times out. */
    private static int run(List<String> command, Path directory, int timeoutSeconds, Path log) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.redirectOutput(
                log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return -1;
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
