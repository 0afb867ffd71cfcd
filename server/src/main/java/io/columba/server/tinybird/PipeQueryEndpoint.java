package io.columba.server.tinybird;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.server.query.QueryRunner;
import io.columba.storage.error.ColumbaException;
import io.columba.workspace.datafile.PipeNode;
import io.columba.workspace.pipe.Pipe;
import io.columba.workspace.pipe.PipeCompiler;
import io.columba.workspace.service.ServiceDataSources;
import io.columba.workspace.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET|POST /v0/pipes/<name>.<format>}: renders the endpoint node with the request's parameters (URL and
 * form), compiles it with the nodes and pipes it reads into one read-only statement, and writes the result. With
 * {@code q=<SQL>} the statement is {@code q} over the table {@code _} (the endpoint's result). Template errors
 * answer 400 (or the status of {@code custom_error}) with Tinybird's message; query errors answer 400 with
 * {@code [Error] <message> (<CODE>)}. With {@code debug=query} it answers the compiled SQL as text instead of running
 * it, for any pipe: the endpoint node, or the output node of a pipe that is not an endpoint.
 */
final class PipeQueryEndpoint {
    /** Parameters Tinybird reads itself; they never reach the templates. */
    private static final Set<String> NOT_TEMPLATE_PARAMETERS = Set.of("q", "token", "format", "debug");

    private final QueryRunner runner;
    private final PipeCompiler compiler;
    private final ServiceDataSources services;

    PipeQueryEndpoint(Database database, PipeCompiler compiler, ServiceDataSources services) {
        this.runner = new QueryRunner(database);
        this.compiler = compiler;
        this.services = services;
    }

    /** Whether the request asks for the compiled SQL ({@code debug=query}) rather than the result. */
    static boolean wantsQuery(ApiRequest request) {
        return "query".equals(RequestParameters.first(RequestParameters.all(request), "debug"));
    }

    ApiResponse handle(ApiRequest request, Pipe pipe, PipeFormat format, EndpointCall call) {
        Map<String, List<String>> parameters = RequestParameters.all(request);
        boolean debugQuery = "query".equals(RequestParameters.first(parameters, "debug"));
        PipeNode node = pipe.isEndpoint()
                ? pipe.definition().endpointNode()
                : pipe.definition().outputNode();
        String sql;
        try {
            sql = compiler.compile(pipe, node, templateParameters(parameters));
        } catch (TemplateException e) {
            return templateError(e);
        } catch (ColumbaException e) {
            return queryError(e);
        }
        String query = RequestParameters.first(parameters, "q");
        if (query != null && !query.isBlank()) {
            sql = PipeCompiler.overResult(query, sql);
        }
        if (debugQuery) {
            return ApiResponse.text(200, sql);
        }
        QuerySettings settings = new QuerySettings(RequestParameters.settings(parameters), true);
        try {
            QueryRunner.RenderedResult rendered = runner.run(
                    services.resolve(sql),
                    settings,
                    format.clickHouseFormat(),
                    FormatSettings.TINYBIRD,
                    request.cancellation());
            call.ran(rendered);
            if (rendered.format() == null) {
                return ApiResponse.empty(200);
            }
            return new ApiResponse(200, rendered.contentType(), Map.of(), rendered.body());
        } catch (ColumbaException e) {
            return queryError(e);
        }
    }

    private static Map<String, List<String>> templateParameters(Map<String, List<String>> parameters) {
        Map<String, List<String>> values = new LinkedHashMap<>(parameters);
        values.keySet().removeAll(NOT_TEMPLATE_PARAMETERS);
        return values;
    }

    /** Tinybird's answer to a failing template: its message, or the body and status of {@code custom_error}. */
    private static ApiResponse templateError(TemplateException e) {
        Object body = e.body();
        if (body == null) {
            return ApiResponse.jsonError(e.httpStatus(), e.getMessage());
        }
        if (body instanceof String text) {
            return ApiResponse.jsonError(e.httpStatus(), text);
        }
        return ApiResponse.json(e.httpStatus(), body);
    }

    private static ApiResponse queryError(ColumbaException e) {
        return ApiResponse.jsonError(
                400, "[Error] " + e.getMessage() + " (" + e.errorCode().name() + ")");
    }
}
