package io.columba.server.tinybird;

import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.storage.error.ColumbaException;
import io.columba.workspace.local.LocalWorkspace;
import io.columba.workspace.local.LocalWorkspaces;
import io.columba.workspace.token.TokenStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace endpoints of Tinybird Local that the {@code tb} CLI and the SDKs call before a build:
 * {@code GET /v1/workspace} (the token's workspace), and with a token of the main workspace
 * {@code GET /v1/user/workspaces} ({@code {organization_id, workspaces: [{id, name, token}]}}),
 * {@code POST /v1/workspaces} (form {@code name}; {@code {id, name, token}}) and
 * {@code DELETE /v1/workspaces/<id>?hard_delete_confirmation=yes}. A workspace's token is its admin token.
 */
final class WorkspacesApi {
    static final String WORKSPACE = "/v1/workspace";
    static final String USER_WORKSPACES = "/v1/user/workspaces";
    static final String WORKSPACES = "/v1/workspaces";
    private static final String LOCAL_EMAIL = "local@columba.local";

    private final LocalWorkspaces workspaces;

    WorkspacesApi(LocalWorkspaces workspaces) {
        this.workspaces = workspaces;
    }

    static boolean matches(String path) {
        return path.equals(WORKSPACE)
                || path.equals(USER_WORKSPACES)
                || path.equals(WORKSPACES)
                || path.startsWith(WORKSPACES + "/");
    }

    ApiResponse handle(ApiRequest request, LocalWorkspaces.Authenticated caller) {
        if (request.path().equals(WORKSPACE)) {
            return request.isGet() ? ApiResponse.json(200, describe(caller.workspace())) : notAllowed(request);
        }
        if (!caller.isMain(workspaces) || !caller.token().isAdmin()) {
            return ApiResponse.jsonError(403, "Managing workspaces needs the user_token or admin_token of /tokens");
        }
        if (request.path().equals(USER_WORKSPACES)) {
            return request.isGet() ? list() : notAllowed(request);
        }
        if (request.path().equals(WORKSPACES)) {
            return request.method().equals("POST") ? create(request) : notAllowed(request);
        }
        return request.method().equals("DELETE") ? delete(request) : notAllowed(request);
    }

    private Map<String, Object> describe(LocalWorkspace workspace) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", workspace.id());
        body.put("name", workspace.name());
        body.put("user_id", workspaces.main().id());
        body.put("user_email", LOCAL_EMAIL);
        body.put("scope", "admin");
        body.put("main", null);
        return body;
    }

    private ApiResponse list() {
        List<Map<String, String>> list = new ArrayList<>();
        for (LocalWorkspace workspace : workspaces.all()) {
            list.add(summary(workspace));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization_id", workspaces.main().id());
        body.put("workspaces", list);
        return ApiResponse.json(200, body);
    }

    private ApiResponse create(ApiRequest request) {
        String name = field(request, "name");
        try {
            return ApiResponse.json(200, summary(workspaces.create(name)));
        } catch (ColumbaException e) {
            return ApiResponse.jsonError(400, e.getMessage());
        }
    }

    private ApiResponse delete(ApiRequest request) {
        String id = request.path().substring(WORKSPACES.length() + 1);
        if (!"yes".equals(request.parameter("hard_delete_confirmation"))) {
            return ApiResponse.jsonError(400, "add hard_delete_confirmation=yes to delete a workspace and its data");
        }
        if (id.equals(workspaces.main().id())) {
            return ApiResponse.jsonError(400, "the main workspace cannot be deleted");
        }
        if (!workspaces.delete(id)) {
            return ApiResponse.jsonError(404, "Workspace " + id + " not found");
        }
        return ApiResponse.json(200, Map.of("id", id, "deleted", true));
    }

    private static Map<String, String> summary(LocalWorkspace workspace) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("id", workspace.id());
        summary.put("name", workspace.name());
        summary.put("token", workspace.read(live -> live.tokens().tokenText(TokenStore.ADMIN_TOKEN)));
        return summary;
    }

    private static String field(ApiRequest request, String name) {
        String parameter = request.parameter(name);
        if (parameter != null) {
            return parameter;
        }
        List<String> form = request.formFields().get(name);
        return form == null || form.isEmpty() ? null : form.get(0);
    }

    private static ApiResponse notAllowed(ApiRequest request) {
        return ApiResponse.jsonError(405, "Method " + request.method() + " is not allowed on " + request.path());
    }
}
