package io.columba.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code testdata/projects/ingestion} project, found from the module folder. */
final class IngestionProject {
    private IngestionProject() {}

    static Path folder() {
        for (Path candidate :
                new Path[] {Path.of("../testdata/projects/ingestion"), Path.of("testdata/projects/ingestion")}) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException(
                "cannot find testdata/projects/ingestion from " + Path.of("").toAbsolutePath());
    }
}
