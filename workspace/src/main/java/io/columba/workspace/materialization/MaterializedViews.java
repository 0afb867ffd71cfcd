package io.columba.workspace.materialization;

import io.columba.storage.error.ColumbaException;
import io.columba.workspace.datafile.NodeType;
import io.columba.workspace.datafile.PipeNode;
import io.columba.workspace.pipe.Pipe;
import io.columba.workspace.pipe.PipeCatalog;
import io.columba.workspace.pipe.PipeCompiler;
import io.columba.workspace.pipe.TableNameRewriter;
import io.columba.workspace.template.TemplateException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The materialized views of a workspace: every pipe whose typed node is {@code TYPE materialized} with a
 * {@code DATASOURCE}, compiled once. A view whose SQL does not compile is left out, with a message saying why.
 * Immutable.
 */
public final class MaterializedViews {
    public static final MaterializedViews NONE = new MaterializedViews(List.of(), List.of());

    private final List<MaterializedView> views;
    private final List<String> failures;

    private MaterializedViews(List<MaterializedView> views, List<String> failures) {
        this.views = List.copyOf(views);
        this.failures = List.copyOf(failures);
    }

    /** The views of {@code catalog}'s materialized pipes. */
    public static MaterializedViews of(PipeCatalog catalog) {
        List<MaterializedView> views = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        PipeCompiler compiler = new PipeCompiler(catalog);
        for (Pipe pipe : catalog.pipes()) {
            PipeNode node = pipe.definition().typedNode();
            String target = node == null ? null : node.setting("DATASOURCE");
            if (node == null || node.type() != NodeType.MATERIALIZED || target == null) {
                continue;
            }
            try {
                String sql = compiler.compile(pipe, node, Map.of());
                views.add(new MaterializedView(pipe.name(), target, sql, tablesRead(sql)));
            } catch (TemplateException | ColumbaException e) {
                failures.add(pipe.name() + ": " + e.getMessage());
            }
        }
        return new MaterializedViews(views, failures);
    }

    private static Set<String> tablesRead(String sql) {
        Set<String> sources = new HashSet<>();
        TableNameRewriter.rewrite(sql, name -> {
            sources.add(name);
            return null;
        });
        return sources;
    }

    /** All views, by pipe name. */
    public List<MaterializedView> all() {
        return views;
    }

    /** The views an insert into {@code table} triggers. */
    public List<MaterializedView> reading(String table) {
        List<MaterializedView> reading = new ArrayList<>();
        for (MaterializedView view : views) {
            if (view.sources().contains(table)) {
                reading.add(view);
            }
        }
        return reading;
    }

    /** One message per materialized pipe that did not compile (and so never runs). */
    public List<String> failures() {
        return failures;
    }
}
