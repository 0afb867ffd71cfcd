package io.columba.server.tinybird;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.workspace.Workspace;
import io.columba.workspace.datasource.DatasourceCatalog;
import io.columba.workspace.service.DatasourceOperation;
import io.columba.workspace.service.ServiceDataSources;
import io.columba.workspace.token.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Data Sources API's data operations: {@code POST /v0/datasources?name=&mode=append|replace} (see
 * {@link DatasourceLoader}), {@code POST /v0/datasources/<name>/truncate} and
 * {@code POST /v0/datasources/<name>/delete} ({@code delete_condition}, {@code dry_run}). Appends need
 * {@code DATASOURCES:APPEND:<name>} or ADMIN; replace, truncate and delete need {@code DATASOURCES:CREATE} or ADMIN.
 * Replace, truncate and delete first insert the rows the Events API buffered, and hold the table's write lock.
 * Each operation (not a dry run) is recorded in {@code tinybird.datasources_ops_log}, failed ones too.
 */
final class DatasourcesApi {
    static final String PREFIX = "/v0/datasources";
    /** The kind of a delete's job, as Tinybird names it. */
    static final String DELETE_JOB = "delete_data";

    private final Workspace workspace;
    private final Database database;
    private final DatasourceCatalog datasources;
    private final DatasourceLoader loader;

    DatasourcesApi(Workspace workspace) {
        this.workspace = workspace;
        this.database = workspace.database();
        this.datasources = workspace.datasourceCatalog();
        this.loader = new DatasourceLoader(workspace);
    }

    static boolean matches(String path) {
        return path.equals(PREFIX) || path.equals(PREFIX + "/") || path.startsWith(PREFIX + "/");
    }

    ApiResponse handle(ApiRequest request, Token token, String requestId) {
        if (!request.method().equals("POST")) {
            return ApiResponse.jsonError(405, "Method " + request.method() + " is not allowed on " + request.path());
        }
        String rest = request.path().substring(PREFIX.length());
        try {
            if (rest.isEmpty() || rest.equals("/")) {
                return loader.load(request, token, requestId);
            }
            String[] pieces = rest.substring(1).split("/");
            if (pieces.length == 2 && pieces[1].equals("truncate")) {
                return truncate(pieces[0], token, requestId);
            }
            if (pieces.length == 2 && pieces[1].equals("delete")) {
                return delete(request, pieces[0], token, requestId);
            }
            return ApiResponse.jsonError(404, "Not found: " + request.method() + " " + request.path());
        } catch (ColumbaException e) {
            return ApiResponse.jsonError(
                    400, "[Error] " + e.getMessage() + " (" + e.errorCode().name() + ")");
        }
    }

    private ApiResponse truncate(String name, Token token, String requestId) {
        Optional<ApiResponse> refused = check(name, token);
        if (refused.isPresent()) {
            return refused.get();
        }
        DatasourceOperation operation =
                DatasourceOperation.start("truncate", name).requestId(requestId);
        recorded(
                operation,
                () -> workspace.insertBuffer().exclusively(name, () -> {
                    database.execute("TRUNCATE TABLE " + quote(name), QuerySettings.DEFAULTS);
                    return null;
                }));
        return ApiResponse.json(200, Map.of());
    }

    /** Runs {@code action}, then records {@code operation}, failed when {@code action} throws. */
    private <T> T recorded(DatasourceOperation operation, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            operation.failed(e.getMessage());
            throw e;
        } finally {
            workspace.services().operations().record(operation);
        }
    }

    private ApiResponse delete(ApiRequest request, String name, Token token, String requestId) {
        Optional<ApiResponse> refused = check(name, token);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, List<String>> parameters = RequestParameters.all(request);
        String condition = RequestParameters.first(parameters, "delete_condition");
        if (condition == null || condition.isBlank()) {
            return ApiResponse.jsonError(
                    400,
                    "The 'delete_condition' parameter is required: an SQL condition on "
                            + "the rows to delete, e.g. delete_condition=country='ES'");
        }
        boolean dryRun = "true".equalsIgnoreCase(RequestParameters.first(parameters, "dry_run"));
        String where = " WHERE (" + condition + ")";
        String id = UUID.randomUUID().toString();
        DatasourceOperation operation = DatasourceOperation.start("delete", name)
                .requestId(requestId)
                .jobId(id)
                .option("delete_condition", condition);
        java.util.function.Supplier<Long> deletion =
                () -> workspace.insertBuffer().exclusively(name, () -> {
                    long rows = count("SELECT count() FROM " + quote(name) + where);
                    if (!dryRun && rows > 0) {
                        database.execute("ALTER TABLE " + quote(name) + " DELETE" + where, QuerySettings.DEFAULTS);
                    }
                    operation.rows(rows, 0);
                    return rows;
                });
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("datasource", Map.of("id", ServiceDataSources.resourceId(name), "name", name));
        description.put("delete_condition", condition);
        description.put("dry_run", dryRun);
        long matching;
        try {
            matching = dryRun ? deletion.get() : recorded(operation, deletion);
        } catch (RuntimeException e) {
            workspace.jobs().failed(DELETE_JOB, id, description, e.getMessage());
            throw e;
        }
        workspace
                .jobs()
                .completed(
                        DELETE_JOB, id, description, Map.of(dryRun ? "rows_to_be_deleted" : "rows_affected", matching));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("job_id", id);
        body.put("job_url", JobsApi.baseUrl(request) + JobsApi.PREFIX + "/" + id);
        body.put("job_type", DELETE_JOB);
        body.put("status", "done");
        body.put("delete_id", id);
        body.put("datasource", Map.of("name", name));
        body.put(dryRun ? "rows_to_be_deleted" : "rows_affected", matching);
        return ApiResponse.json(200, body);
    }

    /** A 404 for an unknown data source or a 403 when the token may not change it; empty when all is well. */
    private Optional<ApiResponse> check(String name, Token token) {
        if (datasources.schema(name).isEmpty()) {
            return Optional.of(ApiResponse.jsonError(404, "Data Source '" + name + "' not found"));
        }
        if (!token.canManageDatasource(name)) {
            return Optional.of(ApiResponse.jsonError(
                    403,
                    "Not enough permissions to change the Data Source '" + name + "': the token needs the scope "
                            + Token.DATASOURCES_CREATE_SCOPE + " or ADMIN"));
        }
        return Optional.empty();
    }

    private long count(String sql) {
        QueryResult result = database.execute(sql, QuerySettings.forReading());
        return ((LongColumn) result.blocks().get(0).column(0)).get(0);
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }
}
