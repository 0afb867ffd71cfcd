package io.columba.workspace.datafile;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared/conformance/tinybird (real Tinybird projects) above the module folder, or null. */
final class ConformanceCorpus {
    private ConformanceCorpus() {}

    static Path find() {
        Path directory = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && directory != null; up++, directory = directory.getParent()) {
            Path candidate = directory.resolve("shared").resolve("conformance").resolve("tinybird");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
