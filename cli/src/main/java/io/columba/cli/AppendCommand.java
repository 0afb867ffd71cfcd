package io.columba.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code columba append DATASOURCE FILE}: streams a CSV, TSV or NDJSON file (gzipped or not) to a running server's
 * {@code POST /v0/datasources?name=&mode=append} (or {@code mode=replace}), as {@code tb datasource append} does,
 * with a progress line on stderr while it uploads, then the rows the server committed and quarantined.
 */
@Command(
        name = "append",
        mixinStandardHelpOptions = true,
        description = "Append (or replace) a data source's rows from a CSV, TSV or NDJSON file, gzipped or not.")
final class AppendCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASOURCE", description = "The data source to append to.")
    String datasource;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file: .csv, .tsv, .ndjson/.jsonl, maybe .gz.")
    Path file;

    @Option(names = "--mode", description = "append or replace (default: ${DEFAULT-VALUE}).")
    String mode = "append";

    @Option(
            names = "--replace-condition",
            paramLabel = "SQL",
            description = "With --mode replace: replace only the rows matching this condition.")
    String replaceCondition;

    @Option(
            names = "--format",
            description = "csv, tsv or ndjson (default: from the file's extension, else the server detects it).")
    String format;

    @Option(names = "--host", description = "Columba's Tinybird API (default: ${DEFAULT-VALUE}).")
    String host = ColumbaClient.DEFAULT_HOST;

    @Option(names = "--token", description = "A token with APPEND on the data source; default: the admin token.")
    String token;

    @Option(names = "--quiet", description = "No progress line on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        if (!mode.equals("append") && !mode.equals("replace")) {
            throw new CommandFailure("--mode must be append or replace, got " + mode);
        }
        if (replaceCondition != null && !mode.equals("replace")) {
            throw new CommandFailure("--replace-condition needs --mode replace");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure("no such file: " + file);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        ColumbaClient client = ColumbaClient.connect(host, token);
        PrintWriter err = spec.commandLine().getErr();
        LoadProgress progress =
                LoadProgress.upload(err, file.getFileName().toString(), size, quiet, System.console() != null);
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            HttpRequest request = client.request(path())
                    .header("Content-Type", contentType())
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> {
                                try {
                                    return progress.counting(Files.newInputStream(file));
                                } catch (IOException e) {
                                    throw new UncheckedIOException("cannot read " + file, e);
                                }
                            }),
                            size))
                    .build();
            response = client.send(request);
        } finally {
            progress.close();
        }
        if (response.statusCode() != 200) {
            progress.finish(-1);
            err.println("Error: " + ColumbaClient.errorMessage(response));
            err.flush();
            return 1;
        }
        long rows = field(response.body(), "successful_rows");
        long quarantined = field(response.body(), "quarantined_rows");
        progress.finish(rows);
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "%s %,d rows to %s in %.1f s (%s rows/s)%s%n",
                mode.equals("append") ? "Appended" : "Replaced with",
                rows,
                datasource,
                seconds,
                LoadProgress.rate(rows, seconds),
                quarantined > 0 ? "; " + quarantined + " rows went to " + datasource + "_quarantine" : "");
        out.flush();
        return quarantined > 0 ? 2 : 0;
    }

    private String path() {
        StringBuilder path = new StringBuilder("/v0/datasources?name=")
                .append(encode(datasource))
                .append("&mode=")
                .append(mode);
        String given = format != null ? format : formatOf(file.getFileName().toString());
        if (given != null) {
            path.append("&format=").append(encode(given));
        }
        if (replaceCondition != null) {
            path.append("&replace_condition=").append(encode(replaceCondition));
        }
        return path.toString();
    }

    /** The format the file name says, ignoring a {@code .gz} suffix; null when it says none. */
    static String formatOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            lower = lower.substring(0, lower.length() - 3);
        }
        if (lower.endsWith(".csv")) {
            return "csv";
        }
        if (lower.endsWith(".tsv")) {
            return "tsv";
        }
        if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl") || lower.endsWith(".json")) {
            return "ndjson";
        }
        if (lower.endsWith(".parquet")) {
            return "parquet";
        }
        return null;
    }

    private String contentType() {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                ? "application/gzip"
                : "application/octet-stream";
    }

    private static long field(String body, String name) {
        try {
            JsonNode value = JSON.readTree(body).get(name);
            return value == null ? 0 : value.asLong();
        } catch (IOException e) {
            throw new CommandFailure("the server's answer is not JSON: " + body, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
