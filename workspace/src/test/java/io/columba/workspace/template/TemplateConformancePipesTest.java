package io.columba.workspace.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.columba.workspace.datafile.DatafileReader;
import io.columba.workspace.datafile.Directive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every SQL node of every .pipe in ../shared/conformance/tinybird parses, renders for validation (no parameters,
 * as a build does) and renders for a request with plausible values for each declared parameter. Skipped when the
 * corpus is not next to this repository.
 */
class TemplateConformancePipesTest {
    /** Values some pipes check against a fixed list before using them. */
    private static final Map<String, String> CHOSEN_VALUES = Map.of(
            "column_name", "environment",
            "dimension", "environment",
            "filters",
                    "[{\"field\": \"country\", \"operator\": \"IN\", \"values\": [\"US\", \"ES\"]},"
                            + " {\"operand\": \"metadata.plan\", \"operator\": \"equals\", \"value\": \"pro\"}]",
            "include_previous_period", "true",
            "order", "asc");

    @TestFactory
    Stream<DynamicTest> everyNodeOfTheRealPipesRenders() throws IOException {
        Path corpus = findCorpus();
        assumeThat(corpus)
                .as("../shared/conformance/tinybird is not next to this repository; skipping the real-project corpus")
                .isNotNull();
        List<Path> pipes;
        try (Stream<Path> paths = Files.walk(corpus)) {
            pipes = paths.filter(path -> path.toString().endsWith(".pipe"))
                    .sorted()
                    .toList();
        }
        assertThat(pipes).isNotEmpty();
        return pipes.stream()
                .map(pipe -> DynamicTest.dynamicTest(corpus.relativize(pipe).toString(), () -> check(pipe)));
    }

    private static void check(Path pipe) throws IOException {
        List<String> nodes = DatafileReader.read(pipe.toString(), Files.readString(pipe)).stream()
                .filter(directive -> directive.keyword().equals("SQL"))
                .map(Directive::text)
                .toList();
        assertThat(nodes).as(pipe.toString()).isNotEmpty();
        Map<String, List<String>> request = new LinkedHashMap<>();
        for (String sql : nodes) {
            for (TemplateParameter parameter : Template.parse(sql).parameters()) {
                request.putIfAbsent(parameter.name(), List.of(plausibleValue(parameter)));
            }
        }
        for (String sql : nodes) {
            Template template = Template.parse(sql);
            String validated = template.renderForValidation().sql();
            String rendered = template.render(request).sql();
            if (!template.isTemplated()) {
                assertThat(rendered).isEqualTo(sql);
            }
            for (String output : List.of(validated, rendered)) {
                assertThat(output).as(pipe + "\n" + sql).doesNotContain("{{", "{%", "%}");
            }
            assertFailsOnlyWithTinybirdErrors(template);
        }
    }

    /** Without parameters a node may refuse the request (error(), required parameters), but only that way. */
    private static void assertFailsOnlyWithTinybirdErrors(Template template) {
        try {
            template.render(Map.of());
        } catch (TemplateException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(refused.httpStatus()).isEqualTo(400);
        }
    }

    private static String plausibleValue(TemplateParameter parameter) {
        if (CHOSEN_VALUES.containsKey(parameter.name())) {
            return CHOSEN_VALUES.get(parameter.name());
        }
        String type = parameter.type();
        if (type.startsWith("Array(")) {
            type = type.substring("Array(".length(), type.length() - 1);
        }
        return switch (type) {
            case "Date" -> "2024-01-01";
            case "DateTime" -> "2024-01-01 00:00:00";
            case "DateTime64" -> "2024-01-01 00:00:00.000";
            case "Float32", "Float64" -> "0.5";
            case "Boolean" -> "true";
            case "JSON" -> "[]";
            case "String" -> parameter.name().contains("date") ? "2024-01-01" : "a";
            default -> "1";
        };
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
