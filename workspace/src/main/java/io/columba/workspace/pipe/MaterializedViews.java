package io.columba.workspace.pipe;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.storage.error.ColumbaException;
import io.columba.workspace.datafile.NodeType;
import io.columba.workspace.datafile.PipeNode;
import io.columba.workspace.template.TemplateException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Materialized views at build: each {@code TYPE materialized} node's result is appended to its {@code DATASOURCE}
 * when that table was created by this build (so it holds what the fixtures imply), columns matched by name. A view
 * that reads another view's target runs after it. Views on later inserts are not run here.
 */
public final class MaterializedViews {
    private MaterializedViews() {}

    /** One view to backfill: its pipe, the target table, its compiled SQL and the tables it reads. */
    private record View(String pipe, String target, String sql, Set<String> sources) {}

    /**
     * Backfills the views whose targets are among {@code newTables}; returns one message per view that could not
     * be backfilled (the build goes on without it).
     */
    public static List<String> backfill(Database database, PipeCatalog catalog, Set<String> newTables) {
        List<String> failures = new ArrayList<>();
        List<View> views = new ArrayList<>();
        PipeCompiler compiler = new PipeCompiler(catalog);
        for (Pipe pipe : catalog.pipes()) {
            PipeNode node = pipe.definition().typedNode();
            String target = node == null ? null : node.setting("DATASOURCE");
            if (node == null || node.type() != NodeType.MATERIALIZED || target == null || !newTables.contains(target)) {
                continue;
            }
            try {
                String sql = compiler.compile(pipe, node, Map.of());
                Set<String> sources = new HashSet<>();
                TableNameRewriter.rewrite(sql, name -> {
                    sources.add(name);
                    return null;
                });
                views.add(new View(pipe.name(), target, sql, sources));
            } catch (TemplateException | ColumbaException e) {
                failures.add(pipe.name() + ": " + e.getMessage());
            }
        }
        while (!views.isEmpty()) {
            View next = views.stream()
                    .filter(view -> views.stream()
                            .noneMatch(other -> other != view && view.sources().contains(other.target())))
                    .findFirst()
                    .orElse(views.get(0));
            views.remove(next);
            try {
                run(database, next);
            } catch (ColumbaException e) {
                failures.add(next.pipe() + ": " + e.getMessage());
            }
        }
        return failures;
    }

    private static void run(Database database, View view) {
        List<String> names = database.execute("SELECT * FROM (" + view.sql() + ") LIMIT 0", QuerySettings.DEFAULTS)
                .columnNames();
        StringBuilder columns = new StringBuilder();
        for (String name : names) {
            columns.append(columns.isEmpty() ? "" : ", ")
                    .append('`')
                    .append(name.replace("`", "\\`"))
                    .append('`');
        }
        database.execute("INSERT INTO `" + view.target() + "` (" + columns + ") " + view.sql(), QuerySettings.DEFAULTS);
    }
}
