package io.columba.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * tinybirdco/logs-explorer-template from ../shared/conformance, copied without its {@code ENGINE_TTL} lines: its
 * fixture dates from February 2025 and the 180-day TTL would drop every row on insert today, while its tests'
 * expected results were recorded with the rows live.
 */
final class LogsExplorerProject {
    private LogsExplorerProject() {}

    /** The project folder, or null when ../shared is absent. */
    static Path find() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("shared/conformance/tinybird/logs-explorer-template");
            if (Files.isDirectory(candidate.resolve("tests"))) {
                return candidate;
            }
        }
        return null;
    }

    static Path copyWithoutTtl(Path project, Path copy) throws IOException {
        try (Stream<Path> paths = Files.walk(project)) {
            for (Path source : paths.toList()) {
                Path target = copy.resolve(project.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.toString().endsWith(".datasource")) {
                    List<String> lines = Files.readAllLines(source).stream()
                            .filter(line -> !line.startsWith("ENGINE_TTL"))
                            .toList();
                    Files.write(target, lines);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }
}
