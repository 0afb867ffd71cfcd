package io.columba.server.tinybird;

import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.server.http.HttpApi;
import io.columba.workspace.Workspace;
import io.columba.workspace.local.LocalWorkspace;
import io.columba.workspace.local.LocalWorkspaces;
import io.columba.workspace.token.Token;
import io.columba.workspace.token.TokenStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tinybird's HTTP API (port 7181, as Tinybird Local): {@code GET /tokens} without a token, everything else with
 * one ({@code Authorization: Bearer} or {@code ?token=}; 403 otherwise), errors as {@code {"error": "..."}}. The
 * token picks the workspace ({@link LocalWorkspaces}); {@code /v1/workspace(s)} ({@link WorkspacesApi}) and
 * {@code /v1/build} ({@link BuildEndpoint}) manage them, and the rest runs on the token's workspace
 * ({@link WorkspaceEndpoints}: {@code /v0/sql}, {@code /v0/pipes}, {@code /v0/events}, {@code /v0/datasources}).
 */
public final class TinybirdApi implements HttpApi {
    private final LocalWorkspaces workspaces;
    private final int maxEventsBodyBytes;
    private final WorkspacesApi workspacesApi;
    private final BuildEndpoint build = new BuildEndpoint();
    /** The endpoints of each workspace's live data, made on its first request and again after each build. */
    private final Map<LocalWorkspace, WorkspaceEndpoints> endpoints = new ConcurrentHashMap<>();

    public TinybirdApi(LocalWorkspaces workspaces) {
        this(workspaces, EventsEndpoint.DEFAULT_MAX_BODY_BYTES);
    }

    /** The API over {@code workspaces}, with Events API bodies limited to {@code maxEventsBodyBytes}. */
    public TinybirdApi(LocalWorkspaces workspaces, int maxEventsBodyBytes) {
        this.workspaces = workspaces;
        this.maxEventsBodyBytes = maxEventsBodyBytes;
        this.workspacesApi = new WorkspacesApi(workspaces);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        if (request.method().equals("OPTIONS")) {
            return ApiResponse.empty(204);
        }
        if (request.path().equals("/tokens")) {
            return request.isGet() ? workspaces.main().read(TinybirdApi::tokens) : methodNotAllowed(request);
        }
        String presented = presentedToken(request);
        if (presented == null) {
            return ApiResponse.jsonError(
                    403, "Missing token: send 'Authorization: Bearer <token>' or add '?token=<token>' to the URL");
        }
        Optional<LocalWorkspaces.Authenticated> caller = workspaces.authenticate(presented);
        if (caller.isEmpty()) {
            return ApiResponse.jsonError(403, "Invalid token");
        }
        LocalWorkspaces.Authenticated authenticated = caller.get();
        if (WorkspacesApi.matches(request.path())) {
            return workspacesApi.handle(request, authenticated);
        }
        if (request.path().equals(BuildEndpoint.PATH)) {
            if (!authenticated.token().isAdmin()) {
                return ApiResponse.jsonError(403, "Building a project needs the workspace's admin token");
            }
            return build.handle(request, authenticated.workspace());
        }
        Token token = authenticated.token();
        LocalWorkspace workspace = authenticated.workspace();
        return workspace.read(live -> endpoints(workspace, live).handle(request, token));
    }

    private WorkspaceEndpoints endpoints(LocalWorkspace workspace, Workspace live) {
        WorkspaceEndpoints current = endpoints.get(workspace);
        if (current != null && current.workspace() == live) {
            return current;
        }
        endpoints.keySet().retainAll(workspaces.all());
        WorkspaceEndpoints made = new WorkspaceEndpoints(live, maxEventsBodyBytes);
        endpoints.put(workspace, made);
        return made;
    }

    @Override
    public ApiResponse failure(int status, String message) {
        return ApiResponse.jsonError(status, message);
    }

    private static ApiResponse tokens(Workspace workspace) {
        Map<String, String> body = new LinkedHashMap<>();
        for (String name : List.of(TokenStore.USER_TOKEN, TokenStore.ADMIN_TOKEN, TokenStore.WORKSPACE_ADMIN_TOKEN)) {
            body.put(name, workspace.tokens().tokenText(name));
        }
        return ApiResponse.json(200, body);
    }

    static ApiResponse methodNotAllowed(ApiRequest request) {
        return ApiResponse.jsonError(405, "Method " + request.method() + " is not allowed on " + request.path());
    }

    /** The token from the Authorization header, the URL, or a form body, in that order. */
    private static String presentedToken(ApiRequest request) {
        String bearer = request.bearerToken();
        if (bearer != null && !bearer.isEmpty()) {
            return bearer;
        }
        String parameter = request.parameter("token");
        if (parameter != null && !parameter.isEmpty()) {
            return parameter;
        }
        List<String> form = request.formFields().get("token");
        return form == null || form.isEmpty() ? null : form.get(0);
    }
}
