package io.columba.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Folders of the repository the tests use, found from the working directory upwards. */
final class ProjectPaths {
    private ProjectPaths() {}

    static Path quickstart() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("testdata/projects/quickstart");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/projects/quickstart not found");
    }
}
