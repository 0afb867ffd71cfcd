package io.columba.workspace.datafile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.columba.workspace.Workspace;
import io.columba.workspace.materialization.MaterializedViews;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 6: the real Tinybird projects build without error: every data source becomes a table (fixtures loaded),
 * every pipe is served and every materialized view compiles (skipped without ../shared/conformance/tinybird).
 */
class ConformanceProjectsBuildTest {
    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"ai-analytics-template", "dub", "web-analytics-starter-kit", "logs-explorer-template"})
    void buildsEveryDataSourcePipeAndMaterializedView(String name) throws IOException {
        Path corpus = ConformanceCorpus.find();
        assumeThat(corpus).as("../shared/conformance/tinybird is absent").isNotNull();
        Path project = corpus.resolve(name);
        try (Workspace workspace = Workspace.open(data, project)) {
            assertThat(workspace.datasources()).hasSize((int) count(project, ".datasource"));
            assertThat(workspace.pipes().pipes()).hasSize((int) count(project, ".pipe"));
            assertThat(MaterializedViews.of(workspace.pipes()).failures()).isEmpty();
        }
    }

    private static long count(Path project, String extension) throws IOException {
        try (Stream<Path> files = Files.walk(project)) {
            return files.filter(file -> file.toString().endsWith(extension)).count();
        }
    }
}
