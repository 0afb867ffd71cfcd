package io.columba.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example project of testdata/projects/quickstart, found from the module folder tests run in. */
final class QuickstartProject {
    private QuickstartProject() {}

    static Path folder() {
        Path directory = Path.of("").toAbsolutePath();
        for (int up = 0; up < 3 && directory != null; up++, directory = directory.getParent()) {
            Path candidate = directory.resolve("testdata/projects/quickstart");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "testdata/projects/quickstart not found above " + Path.of("").toAbsolutePath());
    }

    /** The rows of fixtures/events.ndjson: its non-blank lines. */
    static long eventRows() {
        try (var lines = Files.lines(folder().resolve("fixtures/events.ndjson"))) {
            return lines.filter(line -> !line.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
