package io.columba.workspace.materialization;

import io.columba.workspace.pipe.TableNameRewriter;
import java.util.Set;

/**
 * One {@code TYPE materialized} pipe ready to run: its name, the {@code DATASOURCE} it appends to, its SQL compiled
 * with no parameters (other pipes and nodes inlined, as Tinybird renders an MV reading a templated pipe), and the
 * table names that SQL reads, the sources whose inserts trigger it.
 */
public record MaterializedView(String pipe, String target, String sql, Set<String> sources) {
    public MaterializedView {
        sources = Set.copyOf(sources);
    }

    /** The view's SQL reading {@code table} from {@code block} instead, a table holding only the inserted rows. */
    public String over(String table, String block) {
        return TableNameRewriter.rewrite(
                sql, name -> name.equals(table) ? "SELECT * FROM " + StagingTables.quote(block) : null);
    }
}
