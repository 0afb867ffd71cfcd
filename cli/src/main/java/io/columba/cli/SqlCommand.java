package io.columba.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code columba sql "SELECT ..."}: runs a query through a running server's {@code /v0/sql} and prints it as a
 * table (or as is, when the query names its own FORMAT). Without {@code --token} it asks {@code /tokens} for the
 * admin token, as the {@code tb} CLI does with Tinybird Local.
 */
@Command(name = "sql", mixinStandardHelpOptions = true, description = "Run a query against a running Columba.")
final class SqlCommand implements Callable<Integer> {
    static final String DEFAULT_HOST = "http://127.0.0.1:7181";

    private static final String TABLE_FORMAT = "TabSeparatedWithNamesAndTypes";
    private static final Pattern FORMAT_CLAUSE = Pattern.compile("(?is).*\\bFORMAT\\s+[A-Za-z0-9_]+\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL to run (read-only).")
    String query;

    @Option(names = "--host", description = "Columba's Tinybird API (default: ${DEFAULT-VALUE}).")
    String host = DEFAULT_HOST;

    @Option(names = "--token", description = "A token; by default the admin token from GET /tokens.")
    String token;

    /** Made when the command runs: picocli builds every subcommand, and a client starts a selector thread. */
    private HttpClient http;

    @Override
    public Integer call() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
        String sql = query.strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        boolean ownFormat = FORMAT_CLAUSE.matcher(sql).matches();
        String bearer = token != null ? token : adminToken(base);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v0/sql"))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(
                        ownFormat ? sql : sql + "\nFORMAT " + TABLE_FORMAT, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request, base);
        if (response.statusCode() != 200) {
            spec.commandLine().getErr().println("Error: " + errorMessage(response));
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (ownFormat) {
            out.print(response.body());
        } else {
            out.print(ResultTable.fromTabSeparatedWithNamesAndTypes(response.body())
                    .render());
        }
        out.flush();
        return 0;
    }

    private String adminToken(String base) {
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(URI.create(base + "/tokens"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                base);
        try {
            JsonNode admin = JSON.readTree(response.body()).get("admin_token");
            if (response.statusCode() == 200 && admin != null) {
                return admin.asText();
            }
        } catch (IOException e) {
            // not JSON: reported below
        }
        throw new CommandFailure("cannot get a token from " + base + "/tokens (HTTP " + response.statusCode()
                + "); pass one with --token");
    }

    private HttpResponse<String> send(HttpRequest request, String base) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandFailure(
                    "cannot reach Columba at " + base + " (" + e + "); is './columba local start' running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted", e);
        }
    }

    private static String errorMessage(HttpResponse<String> response) {
        try {
            JsonNode error = JSON.readTree(response.body()).get("error");
            if (error != null) {
                return error.asText();
            }
        } catch (IOException e) {
            // not JSON: print the body as it is
        }
        return "HTTP " + response.statusCode() + ": " + response.body().strip();
    }
}
