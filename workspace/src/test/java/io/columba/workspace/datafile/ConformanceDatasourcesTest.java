package io.columba.workspace.datafile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every .datasource of the real projects in ../shared/conformance/tinybird parses (skipped when absent). */
class ConformanceDatasourcesTest {
    @Test
    void parsesEveryDatasourceOfTheRealProjects() throws IOException {
        Path corpus = findCorpus();
        assumeThat(corpus)
                .as("../shared/conformance/tinybird is not next to this repository; skipping the real-project corpus")
                .isNotNull();
        List<Path> files;
        try (Stream<Path> paths = Files.walk(corpus)) {
            files = paths.filter(p -> p.toString().endsWith(".datasource"))
                    .sorted()
                    .toList();
        }

        assertThat(files).isNotEmpty();
        for (Path file : files) {
            DatasourceDefinition datasource = DatasourceParser.parse(file);
            assertThat(datasource.columns()).as(file.toString()).isNotEmpty();
            assertThat(CreateTableWriter.createTable(datasource))
                    .as(file.toString())
                    .startsWith("CREATE TABLE");
        }
    }

    private static Path findCorpus() {
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
