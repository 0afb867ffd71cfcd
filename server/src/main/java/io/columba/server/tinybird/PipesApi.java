package io.columba.server.tinybird;

import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.storage.error.ColumbaException;
import io.columba.workspace.Workspace;
import io.columba.workspace.job.CopyPipeRun;
import io.columba.workspace.job.Job;
import io.columba.workspace.pipe.Pipe;
import io.columba.workspace.pipe.PipeCatalog;
import io.columba.workspace.pipe.PipeCompiler;
import io.columba.workspace.service.ServiceDataSources;
import io.columba.workspace.template.TemplateException;
import io.columba.workspace.token.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code /v0/pipes} routes: {@code GET /v0/pipes} (the pipes the token may read, {@code attrs=} to pick
 * fields), {@code GET /v0/pipes/<name>} (one pipe with its nodes and parameters), and
 * {@code GET|POST /v0/pipes/<name>.json|.ndjson|.csv|.csvwithnames} (the endpoint's result, see
 * {@link PipeQueryEndpoint}), and {@code GET /v0/pipes/openapi.json} (the OpenAPI document of the endpoints the
 * token may read, {@link OpenApiDocument}), and {@code POST /v0/pipes/<name>/copy} (a copy pipe run as a job,
 * {@link CopyPipeRun}). A token needs {@code PIPES:READ:<name>} or {@code ADMIN} (403 otherwise); an
 * unknown pipe, or one that is not an endpoint, is 404.
 */
final class PipesApi {
    static final String PREFIX = "/v0/pipes";
    private static final String OPENAPI = "openapi.json";
    private static final String COPY_SUFFIX = "/copy";

    private final Workspace workspace;
    private final PipeCatalog pipes;
    private final PipeQueryEndpoint query;

    PipesApi(Workspace workspace) {
        this.workspace = workspace;
        this.pipes = workspace.pipes();
        this.query = new PipeQueryEndpoint(workspace.database(), new PipeCompiler(pipes), workspace.services());
    }

    static boolean matches(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    ApiResponse handle(ApiRequest request, Token token, EndpointCall call) {
        boolean get = request.isGet();
        if (!get && !request.method().equals("POST")) {
            return ApiResponse.jsonError(405, "Method " + request.method() + " is not allowed on " + request.path());
        }
        String rest = request.path().substring(PREFIX.length());
        if (rest.isEmpty() || rest.equals("/")) {
            return get ? list(request, token) : methodNotAllowed(request);
        }
        String resource = rest.substring(1);
        if (resource.equals(OPENAPI)) {
            return get ? openApi(request, token) : methodNotAllowed(request);
        }
        int dot = resource.lastIndexOf('.');
        if (resource.endsWith(COPY_SUFFIX) && resource.indexOf('/') == resource.length() - COPY_SUFFIX.length()) {
            return get
                    ? methodNotAllowed(request)
                    : copy(request, resource.substring(0, resource.length() - COPY_SUFFIX.length()), token);
        }
        if (resource.contains("/")) {
            return ApiResponse.jsonError(404, "Not found: " + request.method() + " " + request.path());
        }
        if (dot < 0) {
            return get ? describe(resource, token) : methodNotAllowed(request);
        }
        String name = resource.substring(0, dot);
        PipeFormat format = PipeFormat.ofExtension(resource.substring(dot + 1));
        if (format == null) {
            return ApiResponse.jsonError(
                    400,
                    "Unknown format '" + resource.substring(dot + 1)
                            + "': expected .json, .ndjson, .csv or .csvwithnames");
        }
        return result(request, name, format, token, call);
    }

    private ApiResponse result(ApiRequest request, String name, PipeFormat format, Token token, EndpointCall call) {
        Optional<Pipe> pipe = pipes.pipe(name);
        if (pipe.isEmpty()) {
            return notFound(name);
        }
        if (!token.canReadPipe(name)) {
            return forbidden(name);
        }
        if (!pipe.get().isEndpoint() && !PipeQueryEndpoint.wantsQuery(request)) {
            return ApiResponse.jsonError(
                    404,
                    "The pipe '" + name + "' is not an endpoint: it is "
                            + pipe.get().definition().type() + " (mark a node with TYPE endpoint to publish it)");
        }
        call.endpoint(name);
        return query.handle(request, pipe.get(), format, call);
    }

    /**
     * {@code POST /v0/pipes/<name>/copy[?_mode=append|replace&<parameters>]}: runs the copy pipe as a job of the
     * Jobs API and answers the waiting job. Needs ADMIN or {@code DATASOURCES:CREATE}.
     */
    private ApiResponse copy(ApiRequest request, String name, Token token) {
        Optional<Pipe> pipe = pipes.pipe(name);
        if (pipe.isEmpty()) {
            return notFound(name);
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>(RequestParameters.all(request));
        String mode = RequestParameters.first(parameters, "_mode");
        parameters.keySet().removeAll(Set.of("token", "_mode", "q", "format", "debug"));
        CopyPipeRun run;
        try {
            run = new CopyPipeRun(workspace, pipe.get(), parameters, mode);
        } catch (TemplateException e) {
            return ApiResponse.jsonError(e.httpStatus(), e.getMessage());
        } catch (ColumbaException e) {
            return ApiResponse.jsonError(400, e.getMessage());
        }
        if (!token.canManageDatasource(run.target())) {
            return ApiResponse.jsonError(
                    403,
                    "Not enough permissions to run the copy pipe '" + name + "': the token needs the scope "
                            + Token.DATASOURCES_CREATE_SCOPE + " or ADMIN");
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("pipe_id", ServiceDataSources.resourceId(name));
        description.put("pipe_name", name);
        description.put("datasource", Map.of("id", ServiceDataSources.resourceId(run.target()), "name", run.target()));
        description.put("mode", run.mode());
        Job job = workspace.jobs().submit("copy", UUID.randomUUID().toString(), description, run);
        String base = JobsApi.baseUrl(request);
        Map<String, Object> body = new LinkedHashMap<>(job.toJson(base));
        body.put("job", job.toJson(base));
        return ApiResponse.json(200, body);
    }

    private ApiResponse describe(String name, Token token) {
        Optional<Pipe> pipe = pipes.pipe(name);
        if (pipe.isEmpty()) {
            return notFound(name);
        }
        if (!token.canReadPipe(name)) {
            return forbidden(name);
        }
        return ApiResponse.json(200, PipeDescriptions.describe(pipe.get()));
    }

    private ApiResponse openApi(ApiRequest request, Token token) {
        List<Pipe> endpoints = new ArrayList<>();
        for (Pipe pipe : pipes.pipes()) {
            if (pipe.isEndpoint() && token.canReadPipe(pipe.name())) {
                endpoints.add(pipe);
            }
        }
        String host = request.header("Host");
        String server = (host == null ? "" : "http://" + host) + PREFIX;
        return ApiResponse.json(200, OpenApiDocument.of(endpoints, server));
    }

    private ApiResponse list(ApiRequest request, Token token) {
        String attributes = RequestParameters.first(RequestParameters.all(request), "attrs");
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Pipe pipe : pipes.pipes()) {
            if (token.canReadPipe(pipe.name())) {
                listed.add(PipeDescriptions.select(PipeDescriptions.describe(pipe), attributes));
            }
        }
        return ApiResponse.json(200, Map.of("pipes", listed));
    }

    private static ApiResponse notFound(String name) {
        return ApiResponse.jsonError(404, "The pipe '" + name + "' does not exist");
    }

    private static ApiResponse forbidden(String name) {
        return ApiResponse.jsonError(
                403,
                "Not enough permissions to read the pipe '" + name + "': the token needs the scope "
                        + Token.pipeReadScope(name) + " or ADMIN");
    }

    private static ApiResponse methodNotAllowed(ApiRequest request) {
        return ApiResponse.jsonError(405, "Method " + request.method() + " is not allowed on " + request.path());
    }
}
