package io.columba.server.tinybird;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.server.query.QueryRunner;
import io.columba.storage.error.ColumbaException;
import io.columba.workspace.service.ServiceDataSources;
import java.util.List;
import java.util.Map;

/**
 * {@code GET|POST /v0/sql}: one read-only statement from {@code ?q=}, a form field {@code q}, or the raw body.
 * Without a FORMAT clause the result is TabSeparated (ClickHouse's HTTP default); JSON formats write 64-bit
 * integers unquoted unless {@code output_format_json_quote_64bit_integers=1}. Query errors are 400. The service data
 * sources are read as {@code tinybird.<name>}.
 */
final class SqlEndpoint {
    private static final String DEFAULT_FORMAT = "TabSeparated";

    private final QueryRunner runner;
    private final ServiceDataSources services;

    SqlEndpoint(Database database, ServiceDataSources services) {
        this.runner = new QueryRunner(database);
        this.services = services;
    }

    ApiResponse handle(ApiRequest request, EndpointCall call) {
        call.endpoint(null);
        Map<String, List<String>> form = request.formFields();
        String sql = query(request, form);
        if (sql == null || sql.isBlank()) {
            return ApiResponse.jsonError(
                    400, "The query is empty: pass it as '?q=<SQL>', as the form field 'q', or as the request body");
        }
        QuerySettings settings = new QuerySettings(RequestParameters.settings(RequestParameters.all(request)), true);
        try {
            QueryRunner.RenderedResult rendered = runner.run(
                    services.resolve(sql), settings, DEFAULT_FORMAT, FormatSettings.TINYBIRD, request.cancellation());
            call.ran(rendered);
            if (rendered.format() == null) {
                return ApiResponse.empty(200);
            }
            return new ApiResponse(200, rendered.contentType(), Map.of(), rendered.body());
        } catch (ColumbaException e) {
            return ApiResponse.jsonError(
                    400, "[Error] " + e.getMessage() + " (" + e.errorCode().name() + ")");
        }
    }

    private static String query(ApiRequest request, Map<String, List<String>> form) {
        String fromUrl = request.parameter("q");
        if (fromUrl != null) {
            return fromUrl;
        }
        if (request.hasFormBody()) {
            List<String> values = form.get("q");
            return values == null || values.isEmpty() ? null : values.get(0);
        }
        return request.body().length == 0 ? null : request.bodyText();
    }
}
