package io.columba.workspace.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.workspace.datafile.PipeParser;
import io.columba.workspace.template.TemplateException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipeCompilerTest {
    private static final String ANALYTICS_HITS = """
            NODE parsed
            SQL >
                %
                SELECT * FROM events
                {% if defined(country) %} WHERE country = {{ String(country) }} {% end %}

            NODE endpoint
            SQL >
                SELECT action, count() AS hits FROM parsed GROUP BY action

            TYPE endpoint
            """;
    private static final String KPIS = """
            NODE kpis
            SQL >
                %
                SELECT sum(hits) AS total FROM analytics_hits
                LIMIT {{ Int32(limit, 10) }};

            TYPE endpoint
            """;

    private final PipeCatalog catalog = PipeCatalog.of(List.of(
            PipeParser.parse("analytics_hits", ANALYTICS_HITS, "analytics_hits.pipe"),
            PipeParser.parse("kpis", KPIS, "kpis.pipe")));
    private final PipeCompiler compiler = new PipeCompiler(catalog);

    private String compile(String pipeName, Map<String, List<String>> parameters) {
        Pipe pipe = catalog.pipe(pipeName).orElseThrow();
        return compiler.compile(pipe, pipe.definition().endpointNode(), parameters);
    }

    @Test
    void inlinesEarlierNodesWithTheRequestParameters() {
        assertThat(compile("analytics_hits", Map.of("country", List.of("DE"))))
                .isEqualTo("SELECT action, count() AS hits FROM (\n"
                        + "SELECT * FROM events\n WHERE country = 'DE'\n) AS parsed GROUP BY action");
    }

    @Test
    void inlinesOtherPipesWithTheSameParametersAndDropsTrailingSemicolons() {
        String sql = compile("kpis", Map.of("country", List.of("ES"), "limit", List.of("3")));

        assertThat(sql)
                .startsWith("SELECT sum(hits) AS total FROM (\nSELECT action, count() AS hits FROM (\n")
                .contains("WHERE country = 'ES'")
                .endsWith(") AS analytics_hits\nLIMIT toInt32('3')");
    }

    @Test
    void templateErrorsReachTheCaller() {
        assertThatThrownBy(() -> compile("kpis", Map.of("limit", List.of("ten"))))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Template Syntax Error");
    }

    @Test
    void reportsPipesThatReadEachOtherInACycle() {
        PipeCatalog cyclic = PipeCatalog.of(List.of(
                PipeParser.parse("a", "NODE a1\nSQL >\n    SELECT * FROM b\n", "a.pipe"),
                PipeParser.parse("b", "NODE b1\nSQL >\n    SELECT * FROM a\n", "b.pipe")));
        Pipe a = cyclic.pipe("a").orElseThrow();

        assertThatThrownBy(
                        () -> new PipeCompiler(cyclic).compile(a, a.definition().outputNode(), Map.of()))
                .isInstanceOf(ColumbaException.class)
                .hasMessage("pipes read each other in a cycle: a.a1 -> b.b1 -> a.a1")
                .extracting(e -> ((ColumbaException) e).errorCode())
                .isEqualTo(ErrorCode.CYCLIC_ALIASES);
    }

    @Test
    void aQueryOverTheResultReadsItAsTheTableUnderscore() {
        assertThat(PipeCompiler.overResult("SELECT count() FROM _", "SELECT 1"))
                .isEqualTo("SELECT count() FROM (\nSELECT 1\n) AS _");
    }

    @Test
    void catalogErrorsNameThePipeAndTheNode() {
        assertThatThrownBy(() -> PipeCatalog.of(
                        List.of(PipeParser.parse("p", "NODE n\nSQL >\n    %\n    SELECT {{ x \n", "p.pipe"))))
                .isInstanceOf(ColumbaException.class)
                .hasMessageStartingWith("pipe p, node n (SQL from line 3): Syntax error");
    }

    @Test
    void mergesTheParametersOfAllNodes() {
        Pipe pipe = catalog.pipe("analytics_hits").orElseThrow();

        assertThat(pipe.parameters()).singleElement().satisfies(parameter -> {
            assertThat(parameter.name()).isEqualTo("country");
            assertThat(parameter.type()).isEqualTo("String");
        });
    }

    @Test
    void reusesTheSqlOfARequestWithTheSameParameters() {
        String first = compile("kpis", Map.of("country", List.of("ES"), "limit", List.of("3")));
        String again = compile("kpis", Map.of("limit", List.of("3"), "country", List.of("ES")));
        String other = compile("kpis", Map.of("country", List.of("DE"), "limit", List.of("3")));

        assertThat(again).isSameAs(first);
        assertThat(other).isNotEqualTo(first).contains("country = 'DE'").contains("LIMIT toInt32('3')");
    }

    @Test
    void rendersAgainWhenATemplateReadsTheClock() {
        PipeCatalog clocked = PipeCatalog.of(List.of(PipeParser.parse("recent", """
                NODE endpoint
                SQL >
                    %
                    SELECT count() FROM events WHERE timestamp > {{ DateTime(job_timestamp) }}

                TYPE endpoint
                """, "recent.pipe")));
        PipeCompiler clockedCompiler = new PipeCompiler(clocked);
        Pipe pipe = clocked.pipe("recent").orElseThrow();
        Map<String, List<String>> given = Map.of("job_timestamp", List.of("2024-01-01 00:00:00"));

        String first = clockedCompiler.compile(pipe, pipe.definition().endpointNode(), given);
        String again = clockedCompiler.compile(pipe, pipe.definition().endpointNode(), given);

        assertThat(again).isEqualTo(first).isNotSameAs(first).contains("'2024-01-01 00:00:00'");
    }
}
