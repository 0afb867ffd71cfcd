package io.columba.jmh;

import io.columba.workspace.datafile.PipeParser;
import io.columba.workspace.pipe.Pipe;
import io.columba.workspace.pipe.PipeCatalog;
import io.columba.workspace.pipe.PipeCompiler;
import io.columba.workspace.template.RenderedSql;
import io.columba.workspace.template.Template;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pipe template language per request: rendering the quickstart's one-condition node ({@code renderSimple}),
 * rendering a dashboard node with a dozen parameters, conditions, a loop, arrays, dates and {@code sql_and}
 * ({@code renderRich}), parsing that node's template ({@code parseRich}, done once per pipe at load), and compiling
 * a whole endpoint (two pipes, three nodes, each rendered and inlined: {@code compilePipe}), as
 * {@code /v0/pipes/<name>.json} does before running the SQL. The baseline builds the simple node's SQL with a
 * {@code StringBuilder}. Scores are microseconds per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TemplateBenchmark {
    static final String SIMPLE = """
            %
            SELECT action, revenue
            FROM events
            {% if defined(country) %}
            WHERE country = {{ String(country, description="Two-letter country code", example="DE") }}
            {% end %}
            """;

    static final String RICH = """
            %
            SELECT
                {% if String(granularity, 'hour') == 'day' %} toStartOfDay(timestamp)
                {% else %} toStartOfHour(timestamp) {% end %} AS period,
                {% for dimension in split_to_array(dimensions, 'action') %}
                    {{ column(dimension) }},
                {% end %}
                {% if Boolean(revenue, False) %} sum(revenue) {% else %} count() {% end %} AS value
            FROM events
            WHERE timestamp >= {{ DateTime(start, '2025-01-01 00:00:00') }}
              AND timestamp < {{ DateTime(end, '2025-02-01 00:00:00') }}
              {% if defined(countries) and countries != [''] %}
                AND country IN {{ Array(countries, 'String') }}
              {% end %}
              {% if defined(min_duration) %}
                AND duration_ms >= {{ UInt32(min_duration) }}
              {% elif defined(max_duration) %}
                AND duration_ms <= {{ UInt32(max_duration) }}
              {% end %}
              AND {{ sql_and(action__in=Array(actions, 'String', default='page_view,checkout'),
                             session_id__not_in=Array(excluded, 'String', default='')) }}
            GROUP BY period{% for dimension in split_to_array(dimensions, 'action') %}, {{ column(dimension) }}{% end %}
            ORDER BY period {% if String(order, 'asc') == 'desc' %} DESC {% else %} ASC {% end %}
            LIMIT {{ Int32(page_size, 100) }} OFFSET {{ Int32(page, 0) * Int32(page_size, 100) }}
            """;

    static final String ACTIONS_PIPE = """
            NODE filtered
            SQL >
                %
                SELECT action, revenue FROM events
                {% if defined(country) %} WHERE country = {{ String(country) }} {% end %}

            NODE by_action
            SQL >
                SELECT action, count() AS events, sum(revenue) AS total_revenue FROM filtered GROUP BY action

            TYPE endpoint
            """;

    static final String TOP_PIPE = """
            NODE top
            SQL >
                %
                SELECT * FROM actions ORDER BY events DESC LIMIT {{ Int32(limit, 10) }}

            TYPE endpoint
            """;

    private static final Map<String, List<String>> SIMPLE_PARAMETERS = Map.of("country", List.of("DE"));
    private static final Map<String, List<String>> RICH_PARAMETERS = Map.ofEntries(
            Map.entry("granularity", List.of("day")),
            Map.entry("dimensions", List.of("action,country")),
            Map.entry("revenue", List.of("true")),
            Map.entry("start", List.of("2025-01-03 00:00:00")),
            Map.entry("end", List.of("2025-01-10 00:00:00")),
            Map.entry("countries", List.of("DE", "ES", "FR")),
            Map.entry("max_duration", List.of("30000")),
            Map.entry("actions", List.of("checkout,add_to_cart")),
            Map.entry("order", List.of("desc")),
            Map.entry("page_size", List.of("50")),
            Map.entry("page", List.of("2")));
    private static final Map<String, List<String>> PIPE_PARAMETERS =
            Map.of("country", List.of("ES"), "limit", List.of("3"));

    private Template simple;
    private Template rich;
    private PipeCompiler compiler;
    private Pipe top;

    @Setup(Level.Trial)
    public void parse() {
        simple = Template.parse(SIMPLE);
        rich = Template.parse(RICH);
        PipeCatalog catalog = PipeCatalog.of(List.of(
                PipeParser.parse("actions", ACTIONS_PIPE, "actions.pipe"),
                PipeParser.parse("top_actions", TOP_PIPE, "top_actions.pipe")));
        compiler = new PipeCompiler(catalog);
        top = catalog.pipe("top_actions").orElseThrow();
        System.out.printf(
                "%nTemplateBenchmark:%n%s%n%s%n%s%n",
                renderSimple().sql(), renderRich().sql(), compilePipe());
    }

    @Benchmark
    public RenderedSql renderSimple() {
        return simple.render(SIMPLE_PARAMETERS);
    }

    @Benchmark
    public RenderedSql renderRich() {
        return rich.render(RICH_PARAMETERS);
    }

    @Benchmark
    public Template parseRich() {
        return Template.parse(RICH);
    }

    @Benchmark
    public String compilePipe() {
        return compiler.compile(top, top.definition().endpointNode(), PIPE_PARAMETERS);
    }

    /** The simple node's SQL for the same parameter, escaped and quoted by hand. */
    @Benchmark
    public String plainStringBuilder() {
        String country = SIMPLE_PARAMETERS.get("country").get(0);
        StringBuilder sql = new StringBuilder("\nSELECT action, revenue\nFROM events\n");
        sql.append("\nWHERE country = '");
        for (int i = 0; i < country.length(); i++) {
            char c = country.charAt(i);
            if (c == '\'' || c == '\\') {
                sql.append('\\');
            }
            sql.append(c);
        }
        return sql.append("'\n\n").toString();
    }
}
