package io.columba.cli;

import io.columba.ingest.buffer.BufferSettings;
import io.columba.server.BoundPorts;
import io.columba.server.ColumbaServer;
import io.columba.server.ServerConfig;
import io.columba.workspace.Workspace;
import io.columba.workspace.local.LocalWorkspaces;
import io.columba.workspace.pipe.Pipe;
import io.columba.workspace.project.LoadedDatasource;
import io.columba.workspace.template.TemplateParameter;
import io.columba.workspace.token.TokenStore;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code columba local start}: opens the workspace in the data folder, loads the project (data sources and pipes,
 * each listed with its endpoint URL), serves both APIs in the foreground and prints one line containing {@code ready} once requests are accepted. SIGTERM or Ctrl+C stops it
 * cleanly.
 */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start Columba in the foreground.")
final class StartCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", description = "Tinybird API port (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_TINYBIRD_PORT;

    @Option(names = "--clickhouse-port", description = "ClickHouse HTTP port (default: ${DEFAULT-VALUE}).")
    int clickHousePort = ServerConfig.DEFAULT_CLICKHOUSE_PORT;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--data-dir", description = "Where data and tokens are kept (default: ${DEFAULT-VALUE}).")
    Path dataDirectory = Path.of(".columba");

    @Option(names = "--project", description = "A Tinybird data project folder to load (datasources/, fixtures/).")
    Path project;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        HeapTuning.keepCommittedHeap();
        Path data = dataDirectory.toAbsolutePath().normalize();
        LocalWorkspaces workspaces = LocalWorkspaces.open(
                data, project == null ? null : project.toAbsolutePath().normalize(), BufferSettings.DEFAULTS);
        Workspace workspace = workspaces.main().live();
        ColumbaServer server = new ColumbaServer(
                workspaces, ServerConfig.onPorts(port, clickHousePort).withHost(host));
        BoundPorts ports;
        try {
            ports = server.start();
        } catch (UncheckedIOException e) {
            workspaces.close();
            throw new CommandFailure(e.getCause().getMessage()
                    + " (is Columba already running? pick other ports with --port and --clickhouse-port)");
        } catch (RuntimeException e) {
            workspaces.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            workspaces.close();
                            out.println("Columba stopped.");
                            out.flush();
                            stopped.countDown();
                        },
                        "columba-shutdown"));
        for (LoadedDatasource loaded : workspace.datasources()) {
            out.println(describe(loaded));
        }
        String urlHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        String api = "http://" + urlHost + ":" + ports.tinybirdPort();
        for (Pipe pipe : workspace.pipes().pipes()) {
            out.println(describe(pipe, api));
        }
        String clickHouse = "http://" + urlHost + ":" + ports.clickHousePort();
        out.println("Columba is ready: Tinybird API on " + api + ", ClickHouse HTTP on " + clickHouse + " (data in "
                + data + ")");
        printTryLines(out, workspace, api, clickHouse);
        out.flush();
        stopped.await();
        return 0;
    }

    private static String describe(LoadedDatasource loaded) {
        if (!loaded.created()) {
            return "Data source " + loaded.name() + ": table exists, data kept";
        }
        if (loaded.fixture() == null) {
            return "Data source " + loaded.name() + ": table created, no fixture";
        }
        return "Data source " + loaded.name() + ": table created, " + loaded.fixtureRows() + " rows from "
                + loaded.fixture().getFileName();
    }

    private static String describe(Pipe pipe, String api) {
        if (!pipe.isEndpoint()) {
            return "Pipe " + pipe.name() + ": " + pipe.definition().type();
        }
        List<String> parameters =
                pipe.parameters().stream().map(TemplateParameter::name).toList();
        return "Pipe " + pipe.name() + ": endpoint " + api + "/v0/pipes/" + pipe.name() + ".json"
                + (parameters.isEmpty() ? "" : " (parameters: " + String.join(", ", parameters) + ")");
    }

    private static void printTryLines(PrintWriter out, Workspace workspace, String api, String clickHouse) {
        String token = workspace.tokens().tokenText(TokenStore.ADMIN_TOKEN);
        String table = workspace.datasourceNames().isEmpty()
                ? null
                : workspace.datasourceNames().get(0);
        String count = table == null ? "SELECT 1" : "SELECT count() FROM " + table;
        out.println();
        out.println("Try:");
        out.println("  curl -s " + api + "/tokens");
        out.println("  curl -s -H 'Authorization: Bearer " + token + "' '" + api + "/v0/sql?q="
                + (count + " FORMAT JSON").replace(' ', '+') + "'");
        workspace.pipes().pipes().stream()
                .filter(Pipe::isEndpoint)
                .findFirst()
                .ifPresent(pipe -> out.println("  curl -s '" + api + "/v0/pipes/" + pipe.name() + ".json?token=" + token
                        + exampleParameter(pipe) + "'"));
        out.println(
                "  curl -s '" + clickHouse + "/?user=default&password=" + token + "' --data-binary '" + count + "'");
        String hostOption = api.equals(SqlCommand.DEFAULT_HOST) ? "" : "--host " + api + " ";
        out.println("  ./columba sql " + hostOption + "'"
                + (table == null ? "SHOW TABLES" : "SELECT * FROM " + table + " LIMIT 5") + "'");
        out.println("Stop with Ctrl+C.");
    }

    /** {@code &name=value} for the endpoint's first parameter with a declared example or default, or nothing. */
    private static String exampleParameter(Pipe pipe) {
        for (TemplateParameter parameter : pipe.parameters()) {
            Object value = parameter.example() != null ? parameter.example() : parameter.defaultValue();
            if (value != null) {
                return "&" + parameter.name() + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
