package io.columba.server.tinybird;

import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.server.http.HttpApi;
import io.columba.workspace.Workspace;
import io.columba.workspace.token.Token;
import io.columba.workspace.token.TokenStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tinybird's HTTP API (port 7181, as Tinybird Local): {@code GET /tokens} without a token, everything else with
 * one ({@code Authorization: Bearer} or {@code ?token=}; 403 otherwise), errors as {@code {"error": "..."}}:
 * {@code /v0/sql} ({@link SqlEndpoint}), {@code /v0/pipes} ({@link PipesApi}), {@code /v0/events}
 * ({@link EventsEndpoint}) and {@code /v0/datasources} ({@link DatasourcesApi}).
 */
public final class TinybirdApi implements HttpApi {
    private final TokenStore tokens;
    private final SqlEndpoint sql;
    private final PipesApi pipes;
    private final EventsEndpoint events;
    private final DatasourcesApi datasources;

    public TinybirdApi(Workspace workspace) {
        this(workspace, EventsEndpoint.DEFAULT_MAX_BODY_BYTES);
    }

    /** The API with Events API bodies limited to {@code maxEventsBodyBytes}. */
    public TinybirdApi(Workspace workspace, int maxEventsBodyBytes) {
        this.tokens = workspace.tokens();
        this.sql = new SqlEndpoint(workspace.database());
        this.pipes = new PipesApi(workspace.pipes(), workspace.database());
        this.events = new EventsEndpoint(workspace.datasourceCatalog(), workspace.events(), maxEventsBodyBytes);
        this.datasources = new DatasourcesApi(workspace);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        if (request.method().equals("OPTIONS")) {
            return ApiResponse.empty(204);
        }
        if (request.path().equals("/tokens")) {
            return request.isGet() ? tokens() : methodNotAllowed(request);
        }
        String presented = presentedToken(request);
        if (presented == null) {
            return ApiResponse.jsonError(
                    403, "Missing token: send 'Authorization: Bearer <token>' or add '?token=<token>' to the URL");
        }
        Optional<Token> token = tokens.authenticate(presented);
        if (token.isEmpty()) {
            return ApiResponse.jsonError(403, "Invalid token");
        }
        if (PipesApi.matches(request.path())) {
            return pipes.handle(request, token.get());
        }
        if (DatasourcesApi.matches(request.path())) {
            return datasources.handle(request, token.get());
        }
        return switch (request.path()) {
            case EventsEndpoint.PATH -> events.handle(request, token.get());
            case "/v0/sql" ->
                request.isGet() || request.method().equals("POST") ? sql.handle(request) : methodNotAllowed(request);
            default -> ApiResponse.jsonError(404, "Not found: " + request.method() + " " + request.path());
        };
    }

    @Override
    public ApiResponse failure(int status, String message) {
        return ApiResponse.jsonError(status, message);
    }

    private ApiResponse tokens() {
        Map<String, String> body = new LinkedHashMap<>();
        for (String name : List.of(TokenStore.USER_TOKEN, TokenStore.ADMIN_TOKEN, TokenStore.WORKSPACE_ADMIN_TOKEN)) {
            body.put(name, tokens.tokenText(name));
        }
        return ApiResponse.json(200, body);
    }

    private static ApiResponse methodNotAllowed(ApiRequest request) {
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
