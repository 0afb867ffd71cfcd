package io.columba.workspace.materialization;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.ingest.Inserter;
import io.columba.ingest.TableLocks;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.workspace.service.DatasourceOperation;
import io.columba.workspace.service.OperationsLog;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inserts rows and runs the materialized views reading their table over just those rows, as Tinybird's insert
 * triggers do. An insert into a table no view reads goes straight in. Otherwise:
 *
 * <ol>
 *   <li>the rows go into a staging table shaped like the table (see {@link StagingTables}); a failure here is the
 *       insert's failure, and the table is unchanged;
 *   <li>{@code INSERT INTO table SELECT * FROM staging} commits them to the table (one part, as a direct insert);
 *   <li>each view runs with the table's name bound to the staging table, and its result is appended to its target
 *       the same way, so views reading that target run in turn over the appended rows (chains cascade).
 * </ol>
 *
 * <p>A view that fails does not undo the insert, nor stop the other views: the failure is logged and kept among
 * {@link #recentFailures()} (Tinybird records it in {@code datasources_ops_log}; the rows stay in the source, the
 * target misses them). A crash between steps 2 and 3 loses the views' rows for that insert. Each target is written
 * holding its table lock, so views never write between a buffered insert's intent and its outcome.
 */
public final class MaterializingInserter implements Inserter {
    /** Views of views deeper than this are taken for a cycle. */
    static final int MAX_DEPTH = 32;

    private static final int KEPT_FAILURES = 100;
    private static final System.Logger LOG = System.getLogger(MaterializingInserter.class.getName());

    private final Database database;
    private final MaterializedViews views;
    private final TableLocks locks;
    private final StagingTables staging;
    private final ConcurrentHashMap<String, String> columnLists = new ConcurrentHashMap<>();
    private final Deque<MaterializationFailure> failures = new ArrayDeque<>();

    /** Drops staging tables a crash left in {@code database}, then serves inserts. */
    public MaterializingInserter(Database database, MaterializedViews views, TableLocks locks) {
        this.database = database;
        this.views = views;
        this.locks = locks;
        this.staging = new StagingTables(database);
        StagingTables.dropLeftovers(database);
    }

    public MaterializedViews views() {
        return views;
    }

    @Override
    public void insert(String table, Insertion insertion) {
        insert(table, insertion, 0);
    }

    private void insert(String table, Insertion insertion, int depth) {
        List<MaterializedView> triggered = views.reading(table);
        if (triggered.isEmpty()) {
            insertion.into(table);
            return;
        }
        String block = staging.createLike(table);
        try {
            insertion.into(block);
            database.execute(
                    "INSERT INTO " + StagingTables.quote(table) + " SELECT * FROM " + StagingTables.quote(block),
                    QuerySettings.DEFAULTS);
            for (MaterializedView view : triggered) {
                materialize(view, table, block, depth);
            }
        } finally {
            staging.drop(block);
        }
    }

    /** Appends {@code view}'s result over {@code block} (the rows just inserted into {@code source}) to its target. */
    private void materialize(MaterializedView view, String source, String block, int depth) {
        try {
            if (depth >= MAX_DEPTH) {
                throw new ColumbaException(
                        ErrorCode.TOO_DEEP_RECURSION,
                        "materialized views write each other's sources more than " + MAX_DEPTH
                                + " levels deep: they form a cycle");
            }
            appendResult(view, view.over(source, block), depth);
        } catch (RuntimeException e) {
            fail(view, source, e);
        }
    }

    /**
     * Appends the result of {@code sql} (view's query, possibly over a block) to the view's target, through the
     * views reading that target. Columns are matched by name; result columns the target lacks are left out and
     * target columns the result lacks take their defaults, as ClickHouse does for a view writing {@code TO} a table.
     */
    private void appendResult(MaterializedView view, String sql, int depth) {
        String columns = columnLists.computeIfAbsent(view.pipe(), pipe -> columnList(view, sql));
        String select = "SELECT " + columns + " FROM (" + sql + ")";
        locks.locked(view.target(), () -> {
            insert(
                    view.target(),
                    into -> database.execute(
                            "INSERT INTO " + StagingTables.quote(into) + " (" + columns + ") " + select,
                            QuerySettings.DEFAULTS),
                    depth + 1);
            return null;
        });
    }

    private String columnList(MaterializedView view, String sql) {
        Set<String> produced =
                new LinkedHashSet<>(database.execute("SELECT * FROM (" + sql + ") LIMIT 0", QuerySettings.DEFAULTS)
                        .columnNames());
        List<String> targetColumns = database.execute(
                        "SELECT * FROM " + StagingTables.quote(view.target()) + " LIMIT 0", QuerySettings.DEFAULTS)
                .columnNames();
        List<String> common = new ArrayList<>();
        for (String column : produced) {
            if (targetColumns.contains(column)) {
                common.add(StagingTables.quote(column));
            }
        }
        if (common.isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NO_SUCH_COLUMN_IN_TABLE,
                    "materialized view " + view.pipe() + " produces " + produced + ", none of them a column of "
                            + view.target() + " " + targetColumns);
        }
        return String.join(", ", common);
    }

    /**
     * Backfills the views whose target was created by this build ({@code created}) but none of whose sources was:
     * each runs over everything in its sources, and its result is appended to its target and on through the views
     * reading that target. (A view reading a table created now has seen that table's fixture insert already.)
     * Returns one message per view that could not be backfilled; the build goes on without it.
     */
    public List<String> backfill(Set<String> created) {
        return backfill(created, OperationsLog.NONE);
    }

    /** Backfills as {@link #backfill(Set)} does, recording each view's run as {@code populateview} in {@code log}. */
    public List<String> backfill(Set<String> created, OperationsLog log) {
        List<String> failed = new ArrayList<>();
        for (MaterializedView view : views.all()) {
            if (!created.contains(view.target()) || view.sources().stream().anyMatch(created::contains)) {
                continue;
            }
            DatasourceOperation operation =
                    DatasourceOperation.start("populateview", view.target()).pipe(view.pipe());
            try {
                appendResult(view, view.sql(), 0);
            } catch (RuntimeException e) {
                failed.add(view.pipe() + ": " + e.getMessage());
                operation.failed(e.getMessage());
            } finally {
                log.record(operation);
            }
        }
        return failed;
    }

    private void fail(MaterializedView view, String source, RuntimeException e) {
        String message = "materialized view " + view.pipe() + " failed on an insert into " + source
                + "; the rows stay in " + source + " but not in " + view.target() + ": " + e.getMessage();
        if (e instanceof ColumbaException) {
            LOG.log(System.Logger.Level.ERROR, message); // a query error: its message says it all
        } else {
            LOG.log(System.Logger.Level.ERROR, message, e);
        }
        synchronized (failures) {
            if (failures.size() == KEPT_FAILURES) {
                failures.removeFirst();
            }
            failures.addLast(new MaterializationFailure(
                    Instant.now(), view.pipe(), source, view.target(), String.valueOf(e.getMessage())));
        }
    }

    /** The last failures of views on inserts, oldest first. */
    public List<MaterializationFailure> recentFailures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }
}
