package io.columba.cli;

import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    static final String DEFAULT_HOST = ColumbaClient.DEFAULT_HOST;

    private static final String TABLE_FORMAT = "TabSeparatedWithNamesAndTypes";
    private static final Pattern FORMAT_CLAUSE = Pattern.compile("(?is).*\\bFORMAT\\s+[A-Za-z0-9_]+\\s*$");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL to run (read-only).")
    String query;

    @Option(names = "--host", description = "Columba's Tinybird API (default: ${DEFAULT-VALUE}).")
    String host = DEFAULT_HOST;

    @Option(names = "--token", description = "A token; by default the admin token from GET /tokens.")
    String token;

    @Override
    public Integer call() {
        String sql = query.strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        boolean ownFormat = FORMAT_CLAUSE.matcher(sql).matches();
        ColumbaClient client = ColumbaClient.connect(host, token);
        HttpRequest request = client.request("/v0/sql")
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(
                        ownFormat ? sql : sql + "\nFORMAT " + TABLE_FORMAT, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = client.send(request);
        if (response.statusCode() != 200) {
            spec.commandLine().getErr().println("Error: " + ColumbaClient.errorMessage(response));
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
}
