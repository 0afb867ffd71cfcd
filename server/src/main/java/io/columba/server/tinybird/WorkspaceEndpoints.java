package io.columba.server.tinybird;

import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.workspace.Workspace;
import io.columba.workspace.token.Token;

/**
 * The endpoints over one workspace's data: {@code /v0/sql} ({@link SqlEndpoint}), {@code /v0/pipes}
 * ({@link PipesApi}), {@code /v0/events} ({@link EventsEndpoint}), {@code /v0/datasources}
 * ({@link DatasourcesApi}) and {@code /v0/jobs} ({@link JobsApi}).
 */
final class WorkspaceEndpoints {
    private final Workspace workspace;
    private final SqlEndpoint sql;
    private final PipesApi pipes;
    private final EventsEndpoint events;
    private final DatasourcesApi datasources;
    private final JobsApi jobs;

    WorkspaceEndpoints(Workspace workspace, int maxEventsBodyBytes) {
        this.workspace = workspace;
        this.sql = new SqlEndpoint(workspace.database(), workspace.services());
        this.pipes = new PipesApi(workspace);
        this.events = new EventsEndpoint(
                workspace.datasourceCatalog(),
                workspace.events(),
                maxEventsBodyBytes,
                workspace.services().operations());
        this.datasources = new DatasourcesApi(workspace);
        this.jobs = new JobsApi(workspace.jobs());
    }

    Workspace workspace() {
        return workspace;
    }

    /**
     * Answers {@code request} with an {@code x-request-id}; API endpoint and Query API calls are recorded in
     * {@code tinybird.pipe_stats_rt}.
     */
    ApiResponse handle(ApiRequest request, Token token) {
        EndpointCall call = new EndpointCall();
        ApiResponse response = route(request, token, call);
        if (call.recorded()) {
            workspace.services().recordRequest(call.stats(request, token, response.status()));
        }
        return response.withHeader("x-request-id", call.requestId());
    }

    private ApiResponse route(ApiRequest request, Token token, EndpointCall call) {
        if (PipesApi.matches(request.path())) {
            return pipes.handle(request, token, call);
        }
        if (DatasourcesApi.matches(request.path())) {
            return datasources.handle(request, token, call.requestId());
        }
        if (JobsApi.matches(request.path())) {
            return jobs.handle(request, token);
        }
        return switch (request.path()) {
            case EventsEndpoint.PATH -> events.handle(request, token);
            case "/v0/sql" ->
                request.isGet() || request.method().equals("POST")
                        ? sql.handle(request, call)
                        : TinybirdApi.methodNotAllowed(request);
            default -> ApiResponse.jsonError(404, "Not found: " + request.method() + " " + request.path());
        };
    }
}
