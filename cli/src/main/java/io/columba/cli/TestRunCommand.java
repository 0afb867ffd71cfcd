package io.columba.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code columba test run [DIR]}: runs the cases of a project's {@code tests/<pipe>.yaml} files as {@code tb test
 * run} does: {@code GET /v0/pipes/<pipe>.ndjson?<parameters>}, the body compared line by line with
 * {@code expected_result}, or, with {@code expected_http_status}, the status and the {@code error} message. Prints
 * one line per case and a summary; the exit code is 1 when a case fails.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the tests/*.yaml cases of a data project against a running Columba.")
final class TestRunCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The project folder (default: .).")
    Path directory = Path.of(".");

    @Option(names = "--host", description = "Columba's Tinybird API (default: ${DEFAULT-VALUE}).")
    String host = ColumbaClient.DEFAULT_HOST;

    @Option(names = "--token", description = "A token that reads the pipes; by default the admin token of /tokens.")
    String token;

    /** One case of a test file. */
    record TestCase(String pipe, String name, String parameters, String expected, int status) {}

    @Override
    public Integer call() {
        List<TestCase> cases = read(directory.resolve("tests"));
        ColumbaClient client = ColumbaClient.connect(host, token);
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (TestCase testCase : cases) {
            String failure = run(client, testCase);
            if (failure == null) {
                out.println("✓ " + testCase.pipe() + " " + testCase.name());
            } else {
                failed++;
                out.println("✗ " + testCase.pipe() + " " + testCase.name());
                failure.lines().forEach(line -> out.println("    " + line));
            }
        }
        out.println((cases.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** Null when the case passes, else what differs. */
    private static String run(ColumbaClient client, TestCase testCase) {
        String query = testCase.parameters().strip().replace(" ", "%20");
        String path = "/v0/pipes/" + testCase.pipe() + ".ndjson" + (query.isEmpty() ? "" : "?" + query);
        HttpResponse<String> response = client.send(client.request(path).GET().build());
        if (response.statusCode() != testCase.status()) {
            return "expected HTTP " + testCase.status() + ", found " + response.statusCode() + ": "
                    + response.body().strip();
        }
        if (testCase.status() != 200) {
            String error = errorField(response.body());
            String expected = testCase.expected().strip();
            return expected.equals(error) ? null : "expected the error '" + expected + "', found '" + error + "'";
        }
        return difference(
                testCase.expected().lines().toList(), response.body().lines().toList());
    }

    private static String errorField(String body) {
        try {
            JsonNode error = JSON.readTree(body).get("error");
            return error == null ? body.strip() : error.asText();
        } catch (IOException e) {
            return body.strip();
        }
    }

    /** The first line that differs, or null when both have the same lines. */
    static String difference(List<String> expected, List<String> found) {
        for (int i = 0; i < Math.max(expected.size(), found.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : null;
            String got = i < found.size() ? found.get(i) : null;
            if (want == null || !want.equals(got)) {
                return "line " + (i + 1) + " differs (" + expected.size() + " lines expected, " + found.size()
                        + " found)\n- " + (want == null ? "(no line)" : want) + "\n+ "
                        + (got == null ? "(no line)" : got);
            }
        }
        return null;
    }

    /** Every case of the {@code *.yaml} files in {@code folder}, by file name. */
    static List<TestCase> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CommandFailure("expected test files in " + folder.toAbsolutePath() + ", found no folder");
        }
        List<TestCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                cases.addAll(read(file, file.getFileName().toString().replaceFirst("\\.yaml$", "")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tests in " + folder, e);
        }
        return cases;
    }

    private static List<TestCase> read(Path file, String pipe) throws IOException {
        List<TestCase> cases = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            Object loaded = new Yaml().load(reader);
            if (!(loaded instanceof List<?> entries)) {
                throw new CommandFailure(file + ": expected a list of test cases");
            }
            for (Object entry : entries) {
                if (!(entry instanceof Map<?, ?> fields) || fields.get("name") == null) {
                    throw new CommandFailure(file + ": expected each case to be a map with a name");
                }
                Object status = fields.get("expected_http_status");
                cases.add(new TestCase(
                        pipe,
                        String.valueOf(fields.get("name")),
                        fields.get("parameters") == null ? "" : String.valueOf(fields.get("parameters")),
                        fields.get("expected_result") == null ? "" : String.valueOf(fields.get("expected_result")),
                        status instanceof Number number ? number.intValue() : 200));
            }
        } catch (YAMLException e) {
            throw new CommandFailure(file + ": not valid YAML: " + e.getMessage());
        }
        return cases;
    }
}
