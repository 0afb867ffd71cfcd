package io.columba.server.tinybird;

import io.columba.executor.Database;
import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.workspace.pipe.Pipe;
import io.columba.workspace.pipe.PipeCatalog;
import io.columba.workspace.pipe.PipeCompiler;
import io.columba.workspace.service.ServiceDataSources;
import io.columba.workspace.token.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /v0/pipes} routes: {@code GET /v0/pipes} (the pipes the token may read, {@code attrs=} to pick
 * fields), {@code GET /v0/pipes/<name>} (one pipe with its nodes and parameters), and
 * {@code GET|POST /v0/pipes/<name>.json|.ndjson|.csv|.csvwithnames} (the endpoint's result, see
 * {@link PipeQueryEndpoint}), and {@code GET /v0/pipes/openapi.json} (the OpenAPI document of the endpoints the
 * token may read, {@link OpenApiDocument}). A token needs {@code PIPES:READ:<name>} or {@code ADMIN} (403 otherwise); an
 * unknown pipe, or one that is not an endpoint, is 404.
 */
final class PipesApi {
    static final String PREFIX = "/v0/pipes";
    private static final String OPENAPI = "openapi.json";

    private final PipeCatalog pipes;
    private final PipeQueryEndpoint query;

    PipesApi(PipeCatalog pipes, Database database, ServiceDataSources services) {
        this.pipes = pipes;
        this.query = new PipeQueryEndpoint(database, new PipeCompiler(pipes), services);
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
