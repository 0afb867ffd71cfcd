package io.columba.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** A project of {@code testdata/projects/}, found from the module folder tests run in. */
final class TestdataProject {
    private TestdataProject() {}

    static Path folder(String name) {
        Path directory = Path.of("").toAbsolutePath();
        for (int up = 0; up < 3 && directory != null; up++, directory = directory.getParent()) {
            Path candidate = directory.resolve("testdata/projects").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "testdata/projects/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
