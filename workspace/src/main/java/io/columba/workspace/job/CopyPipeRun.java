package io.columba.workspace.job;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.workspace.Workspace;
import io.columba.workspace.datafile.DatasourceDefinition;
import io.columba.workspace.datafile.PipeNode;
import io.columba.workspace.pipe.Pipe;
import io.columba.workspace.pipe.PipeCompiler;
import io.columba.workspace.service.DatasourceOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run of a copy pipe ({@code TYPE copy}, {@code TARGET_DATASOURCE}, {@code COPY_MODE}): its node rendered
 * with the request's parameters is written into a staging table shaped like the target, then either appended to
 * the target through the workspace's inserter (so the target's materialized views run) or, in {@code replace}
 * mode, swapped in for the target's rows. Columns are matched by name; target columns the result lacks take their
 * defaults. Recorded in {@code tinybird.datasources_ops_log} as {@code copy}.
 */
public final class CopyPipeRun implements Jobs.Work {
    private final Workspace workspace;
    private final Pipe pipe;
    private final PipeNode node;
    private final String sql;
    private final String target;
    private final String mode;

    /**
     * Prepares a run of {@code pipe} with {@code parameters}; {@code mode} null takes the node's {@code COPY_MODE}
     * (default {@code append}).
     *
     * @throws ColumbaException BAD_ARGUMENTS when the pipe is no copy pipe or its target is no data source
     * @throws io.columba.workspace.template.TemplateException when its template fails for these parameters
     */
    public CopyPipeRun(Workspace workspace, Pipe pipe, Map<String, List<String>> parameters, String mode) {
        this.workspace = workspace;
        this.pipe = pipe;
        this.node = pipe.definition().typedNode();
        if (node == null || !"copy".equals(pipe.definition().type())) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "The pipe '" + pipe.name() + "' is not a copy pipe: it is "
                            + pipe.definition().type());
        }
        this.target = node.setting("TARGET_DATASOURCE");
        if (target == null || workspace.definition(target).isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "The copy pipe '" + pipe.name()
                            + "' has no TARGET_DATASOURCE that is a data source of the project");
        }
        String chosen = mode != null ? mode : node.setting("COPY_MODE");
        this.mode = chosen == null ? "append" : chosen.toLowerCase(java.util.Locale.ROOT);
        if (!this.mode.equals("append") && !this.mode.equals("replace")) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, "Unknown copy mode '" + chosen + "': expected append or replace");
        }
        this.sql = new PipeCompiler(workspace.pipes()).compile(pipe, node, parameters);
    }

    public String target() {
        return target;
    }

    public String mode() {
        return mode;
    }

    @Override
    public Map<String, Object> run(Job job) {
        DatasourceOperation operation = DatasourceOperation.start("copy", target)
                .jobId(job.id())
                .pipe(pipe.name())
                .option("mode", mode);
        try {
            long rows = copy();
            operation.rows(rows, 0);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("statistics", Map.of("row_count", rows));
            return result;
        } catch (RuntimeException e) {
            operation.failed(e.getMessage());
            throw e;
        } finally {
            workspace.services().operations().record(operation);
        }
    }

    private long copy() {
        Database database = workspace.database();
        DatasourceDefinition definition = workspace.definition(target).orElseThrow();
        String staging = target + "__copy_" + UUID.randomUUID().toString().replace("-", "");
        database.execute(
                io.columba.workspace.datafile.CreateTableWriter.createTable(
                        new DatasourceDefinition(staging, null, definition.columns(), definition.engine(), List.of())),
                QuerySettings.DEFAULTS);
        try {
            String columns = commonColumns(database);
            database.execute(
                    "INSERT INTO " + quote(staging) + " (" + columns + ") SELECT " + columns + " FROM (" + sql + ")",
                    QuerySettings.DEFAULTS);
            long rows = count(database, staging);
            if (mode.equals("replace")) {
                workspace.insertBuffer().exclusively(target, () -> {
                    database.execute(
                            "EXCHANGE TABLES " + quote(target) + " AND " + quote(staging), QuerySettings.DEFAULTS);
                    return null;
                });
            } else {
                workspace.insertBuffer().locked(target, () -> {
                    workspace
                            .inserter()
                            .insert(
                                    target,
                                    into -> database.execute(
                                            "INSERT INTO " + quote(into) + " SELECT * FROM " + quote(staging),
                                            QuerySettings.DEFAULTS));
                    return null;
                });
            }
            return rows;
        } finally {
            database.execute("DROP TABLE IF EXISTS " + quote(staging), QuerySettings.DEFAULTS);
        }
    }

    private String commonColumns(Database database) {
        List<String> produced = database.execute("SELECT * FROM (" + sql + ") LIMIT 0", QuerySettings.forReading())
                .columnNames();
        List<String> targetColumns = database.execute(
                        "SELECT * FROM " + quote(target) + " LIMIT 0", QuerySettings.forReading())
                .columnNames();
        List<String> common = new ArrayList<>();
        for (String column : produced) {
            if (targetColumns.contains(column)) {
                common.add(quote(column));
            }
        }
        if (common.isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NO_SUCH_COLUMN_IN_TABLE,
                    "The copy pipe '" + pipe.name() + "' produces " + produced + ", none of them a column of " + target
                            + " " + targetColumns);
        }
        return String.join(", ", common);
    }

    private static long count(Database database, String table) {
        QueryResult result = database.execute("SELECT count() FROM " + quote(table), QuerySettings.forReading());
        return ((LongColumn) result.blocks().get(0).column(0)).get(0);
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }
}
