package io.columba.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example project of testdata/projects/quickstart, found from the module folder tests run in. */
final class QuickstartProject {
    private QuickstartProject() {}

    static Path folder() {
        return TestdataProject.folder("quickstart");
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
