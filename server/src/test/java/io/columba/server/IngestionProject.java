package io.columba.server;

import java.nio.file.Path;

/** The {@code testdata/projects/ingestion} project, found from the module folder. */
final class IngestionProject {
    private IngestionProject() {}

    static Path folder() {
        return TestdataProject.folder("ingestion");
    }
}
