package io.columba.workspace.pipe;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.workspace.datafile.PipeDefinition;
import io.columba.workspace.datafile.PipeNode;
import io.columba.workspace.template.RenderOptions;
import io.columba.workspace.template.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles a pipe node into one SQL statement for one request. Each node's template is rendered with the request's
 * parameters; a name it reads as a table ({@code FROM name}, {@code JOIN name}, {@code IN name}) that is an earlier
 * node of the same pipe, or another pipe, is replaced by that node's (or that pipe's output node's) compiled SQL as
 * a parenthesized subquery, so the parameters reach every node. Other names are tables (data sources) and stay.
 *
 * <pre>{@code
 * NODE filtered:  SELECT * FROM events WHERE country = {{ String(country) }}
 * NODE endpoint:  SELECT count() FROM filtered
 *   -> SELECT count() FROM (SELECT * FROM events WHERE country = 'DE') AS filtered
 * }</pre>
 *
 * <p>Thread-safe: each call keeps its own state. Unless a template reads the clock ({@code job_timestamp}),
 * rendering is a pure function of the (immutable) catalog and the parameters, so the SQL of up to
 * {@value #CACHED_COMPILATIONS} distinct requests is kept and reused: endpoints called again with the same
 * parameters skip rendering and rewriting.
 */
public final class PipeCompiler {
    /** The name {@code q=} queries use for the endpoint's result. */
    public static final String RESULT_TABLE = "_";

    private static final int MAX_DEPTH = 64;
    static final int CACHED_COMPILATIONS = 1024;

    private final PipeCatalog catalog;
    private final Map<CompilationKey, String> cache = new ConcurrentHashMap<>();
    private final boolean cacheable;

    /** One request's compilation: the pipe (by identity), the node and the parameters. */
    private record CompilationKey(Pipe pipe, PipeNode node, Map<String, List<String>> parameters) {}

    public PipeCompiler(PipeCatalog catalog) {
        this.catalog = catalog;
        this.cacheable = catalog.pipes().stream()
                .flatMap(pipe -> pipe.definition().nodes().stream().map(pipe::template))
                .noneMatch(Template::readsClock);
    }

    /**
     * The SQL of {@code node} of {@code pipe} for a request with {@code parameters}.
     *
     * @throws io.columba.workspace.template.TemplateException when a template fails for these parameters
     * @throws ColumbaException when pipes read each other in a cycle
     */
    public String compile(Pipe pipe, PipeNode node, Map<String, List<String>> parameters) {
        if (!cacheable) {
            return new Compilation(RenderOptions.of(parameters)).node(pipe, node);
        }
        CompilationKey key = new CompilationKey(pipe, node, copy(parameters));
        String cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        String sql = new Compilation(RenderOptions.of(parameters)).node(pipe, node);
        if (cache.size() >= CACHED_COMPILATIONS) {
            cache.clear(); // distinct parameters keep coming: start over rather than track recency
        }
        cache.put(key, sql);
        return sql;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> parameters) {
        Map<String, List<String>> copy = new HashMap<>();
        parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }

    /** {@code query} with the table {@code _} replaced by {@code result} (the endpoint's compiled SQL). */
    public static String overResult(String query, String result) {
        return TableNameRewriter.rewrite(query, name -> name.equals(RESULT_TABLE) ? result : null);
    }

    /** The state of one compilation: nodes compiled so far (each rendered once) and the chain being compiled. */
    private final class Compilation {
        private final RenderOptions options;
        private final Map<String, String> compiled = new HashMap<>();
        private final List<String> chain = new ArrayList<>();

        Compilation(RenderOptions options) {
            this.options = options;
        }

        String node(Pipe pipe, PipeNode node) {
            String key = pipe.name() + "." + node.name();
            String done = compiled.get(key);
            if (done != null) {
                return done;
            }
            if (chain.contains(key) || chain.size() >= MAX_DEPTH) {
                throw new ColumbaException(
                        ErrorCode.CYCLIC_ALIASES,
                        "pipes read each other in a cycle: " + String.join(" -> ", chain) + " -> " + key);
            }
            chain.add(key);
            String rendered = withoutTrailingSemicolons(
                    pipe.template(node).render(options).sql());
            int index = pipe.definition().nodes().indexOf(node);
            String sql = TableNameRewriter.rewrite(rendered, name -> reference(pipe, index, name));
            chain.remove(chain.size() - 1);
            compiled.put(key, sql);
            return sql;
        }

        /** The SQL {@code name} stands for inside node {@code index} of {@code pipe}, or null for a table. */
        private String reference(Pipe pipe, int index, String name) {
            List<PipeNode> nodes = pipe.definition().nodes();
            for (int i = 0; i < index; i++) {
                if (nodes.get(i).name().equals(name)) {
                    return node(pipe, nodes.get(i));
                }
            }
            if (name.equals(pipe.name())) {
                return null;
            }
            Pipe other = catalog.pipe(name).orElse(null);
            if (other == null) {
                return null;
            }
            PipeDefinition definition = other.definition();
            return node(other, definition.outputNode());
        }
    }

    private static String withoutTrailingSemicolons(String sql) {
        String stripped = sql.strip();
        while (stripped.endsWith(";")) {
            stripped = stripped.substring(0, stripped.length() - 1).stripTrailing();
        }
        return stripped;
    }
}
