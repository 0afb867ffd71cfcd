package io.columba.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columba.workspace.local.ProjectFile;
import io.columba.workspace.project.DataProject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code columba build [DIR]}: sends a data project's datafiles and fixtures to a running Columba's
 * {@code POST /v1/build}, as {@code tb build} does with Tinybird Local, and prints what changed or, per file, why it
 * failed (exit code 1).
 */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = "Build a data project (datafiles and fixtures) into a running Columba.")
final class BuildCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The project folder (default: .).")
    Path directory = Path.of(".");

    @Option(names = "--host", description = "Columba's Tinybird API (default: ${DEFAULT-VALUE}).")
    String host = ColumbaClient.DEFAULT_HOST;

    @Option(names = "--token", description = "The workspace's admin token; by default the one of GET /tokens.")
    String token;

    @Override
    public Integer call() throws IOException {
        List<ProjectFile> files = projectFiles(directory);
        if (files.isEmpty()) {
            throw new CommandFailure("no .datasource or .pipe files in " + directory.toAbsolutePath());
        }
        ColumbaClient client = ColumbaClient.connect(host, token);
        String boundary = "columba-" + UUID.randomUUID();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(client.request("/v1/build")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(files, boundary)))
                .build());
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CommandFailure("/v1/build answered HTTP " + response.statusCode() + ": " + response.body());
        }
        PrintWriter out = spec.commandLine().getOut();
        String result = body.path("result").asText("");
        if (!result.equals("success") && !result.equals("no_changes")) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Build failed (" + files.size() + " files):");
            for (JsonNode error : body.path("errors")) {
                String file = error.path("filename").isTextual()
                        ? error.get("filename").asText() + ": "
                        : "";
                err.println("  " + file + error.path("error").asText());
            }
            if (body.path("errors").isEmpty()) {
                err.println("  " + ColumbaClient.errorMessage(response));
            }
            err.flush();
            return 1;
        }
        JsonNode build = body.path("build");
        out.println((result.equals("no_changes") ? "No changes: " : "Built ")
                + build.path("datasources").size() + " data sources and "
                + build.path("pipes").size()
                + " pipes from " + files.size() + " files in " + millis + " ms");
        for (String kind : List.of("datasource", "pipe")) {
            changes(out, build, kind, "new");
            changes(out, build, kind, "changed");
            changes(out, build, kind, "deleted");
        }
        out.flush();
        return 0;
    }

    private static void changes(PrintWriter out, JsonNode build, String kind, String change) {
        JsonNode names = build.path(change + "_" + kind + "_names");
        if (names.isEmpty()) {
            return;
        }
        List<String> list = new ArrayList<>();
        names.forEach(name -> list.add(name.asText()));
        out.println("  " + change + " " + kind + "s: " + String.join(", ", list));
    }

    /** The datafiles and fixtures of {@code folder}, by project path. */
    static List<ProjectFile> projectFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CommandFailure("expected a project folder, found no folder " + folder);
        }
        List<ProjectFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = folder.relativize(path);
                ProjectFile file = new ProjectFile(relative.toString(), new byte[0]);
                boolean datafile = file.hasExtension(".datasource") || file.hasExtension(".pipe");
                if (!DataProject.isSkipped(relative) && (datafile || file.isFixture())) {
                    files.add(new ProjectFile(file.path(), Files.readAllBytes(path)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the project " + folder, e);
        }
        return files;
    }

    /** A multipart/form-data body with each file as a {@code data_project://} part named by its path. */
    static byte[] multipart(List<ProjectFile> files, String boundary) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (ProjectFile file : files) {
            String header = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"data_project://\"; filename=\""
                    + file.path().replace("\"", "%22") + "\"\r\n"
                    + "Content-Type: text/plain\r\n\r\n";
            body.writeBytes(header.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
