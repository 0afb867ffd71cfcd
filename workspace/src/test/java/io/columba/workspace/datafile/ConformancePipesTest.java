package io.columba.workspace.datafile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.columba.workspace.pipe.PipeCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every .pipe of the real projects in ../shared/conformance/tinybird parses (skipped when absent). */
class ConformancePipesTest {
    @Test
    void parsesEveryPipeOfTheRealProjects() throws IOException {
        Path corpus = ConformanceCorpus.find();
        assumeThat(corpus)
                .as("../shared/conformance/tinybird is not next to this repository; skipping the real-project corpus")
                .isNotNull();
        List<Path> files;
        try (Stream<Path> paths = Files.walk(corpus)) {
            files = paths.filter(p -> p.toString().endsWith(PipeParser.EXTENSION))
                    .sorted()
                    .toList();
        }

        assertThat(files).isNotEmpty();
        List<PipeDefinition> pipes = new ArrayList<>();
        for (Path file : files) {
            PipeDefinition pipe = PipeParser.parse(file);
            assertThat(pipe.nodes()).as(file.toString()).isNotEmpty();
            assertThat(pipe.typedNode()).as(file.toString() + " has a TYPE").isNotNull();
            pipes.add(pipe);
        }
        for (List<PipeDefinition> project : byProject(corpus, files, pipes)) {
            assertThat(PipeCatalog.of(project).pipes()).hasSameSizeAs(project);
        }
    }

    /** The pipes grouped by the project folder they belong to (names are unique only within a project). */
    private static List<List<PipeDefinition>> byProject(Path corpus, List<Path> files, List<PipeDefinition> pipes) {
        List<List<PipeDefinition>> projects = new ArrayList<>();
        Path current = null;
        for (int i = 0; i < files.size(); i++) {
            Path project = corpus.resolve(corpus.relativize(files.get(i)).getName(0));
            if (!project.equals(current)) {
                projects.add(new ArrayList<>());
                current = project;
            }
            projects.get(projects.size() - 1).add(pipes.get(i));
        }
        return projects;
    }
}
