package io.columba.server.clickhouse;

import io.columba.executor.QuerySettings;
import io.columba.executor.format.FormatSettings;
import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.server.http.HttpApi;
import io.columba.server.query.QueryRunner;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.workspace.local.LocalWorkspace;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * ClickHouse's HTTP interface: {@code /} and {@code /ping} answer {@code Ok.}; a statement comes from
 * {@code ?query=}, the POST body, or both joined with a newline (INSERT data follows its statement). GET is
 * read-only. The password is a workspace token (HTTP Basic, {@code X-ClickHouse-Key}, {@code ?password=}, or
 * Bearer). Other URL parameters are settings. Errors are ClickHouse's {@code Code: N. DB::Exception: ... (NAME)}
 * text with its HTTP status and {@code X-ClickHouse-Exception-Code}.
 */
public final class ClickHouseApi implements HttpApi {
    private static final String DEFAULT_FORMAT = "TabSeparated";
    private static final Set<String> NOT_SETTINGS = Set.of(
            "query",
            "user",
            "password",
            "database",
            "default_format",
            "query_id",
            "session_id",
            "session_timeout",
            "session_check",
            "compress",
            "decompress",
            "enable_http_compression",
            "wait_end_of_query",
            "buffer_size",
            "quota_key",
            "role",
            "token");
    private static final String OK = "Ok.\n";

    private final LocalWorkspace workspace;

    /** The interface to {@code workspace}'s live data (the main workspace of Tinybird Local), builds included. */
    public ClickHouseApi(LocalWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String queryId = queryId(request);
        try {
            return answer(request, queryId).withHeader("X-ClickHouse-Query-Id", queryId);
        } catch (ColumbaException e) {
            return error(e.errorCode().code(), e.toClickHouseText(), ClickHouseHttpStatus.of(e.errorCode()))
                    .withHeader("X-ClickHouse-Query-Id", queryId);
        }
    }

    private ApiResponse answer(ApiRequest request, String queryId) {
        switch (request.path()) {
            case "/ping", "/replicas_status" -> {
                return ApiResponse.text(200, OK);
            }
            case "/" -> {}
            default -> {
                return ApiResponse.text(
                        404, "There is no handle " + request.path() + "\n\nUse / or /ping for health checks.\n");
            }
        }
        String sql = statement(request);
        if (sql == null && request.isGet()) {
            return ApiResponse.text(200, OK);
        }
        authenticate(request);
        if (sql == null || sql.isBlank()) {
            throw new ColumbaException(ErrorCode.SYNTAX_ERROR, "Empty query");
        }
        Map<String, String> settings = settings(request);
        boolean readOnly =
                request.isGet() || !settings.getOrDefault("readonly", "0").equals("0");
        QuerySettings querySettings = new QuerySettings(settings, readOnly);
        String format = defaultFormat(request);
        QueryRunner.RenderedResult rendered = workspace.read(live -> new QueryRunner(live::execute)
                .run(sql, querySettings, format, FormatSettings.CLICKHOUSE, request.cancellation()));
        ApiResponse response = rendered.format() == null
                ? ApiResponse.empty(200)
                : new ApiResponse(200, rendered.contentType(), Map.of(), rendered.body())
                        .withHeader("X-ClickHouse-Format", rendered.format());
        return response.withHeader("X-ClickHouse-Timezone", "UTC")
                .withHeader("X-ClickHouse-Summary", summary(rendered));
    }

    @Override
    public ApiResponse failure(int status, String message) {
        String ending = message.endsWith(".") ? "" : ".";
        return error(1001, "Code: 1001. DB::Exception: " + message + ending + " (STD_EXCEPTION)", status);
    }

    private static ApiResponse error(int code, String text, int status) {
        return ApiResponse.text(status, text + "\n").withHeader("X-ClickHouse-Exception-Code", String.valueOf(code));
    }

    /** {@code ?query=}, the body, or both joined with a newline; null when there is neither. */
    private static String statement(ApiRequest request) {
        String fromUrl = request.parameter("query");
        String body = request.isGet() || request.body().length == 0 ? null : request.bodyText();
        if (fromUrl == null) {
            return body;
        }
        return body == null ? fromUrl : fromUrl + "\n" + body;
    }

    private void authenticate(ApiRequest request) {
        String password = password(request);
        if (password == null
                || workspace.read(live -> live.tokens().authenticate(password)).isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.AUTHENTICATION_FAILED,
                    "default: Authentication failed: password is incorrect, or there is no user with such name."
                            + " The password is a workspace token (see GET /tokens on the Tinybird port)");
        }
    }

    /** The password from HTTP Basic, X-ClickHouse-Key, ?password= or a Bearer token, in that order. */
    private static String password(ApiRequest request) {
        String authorization = request.header(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String key = request.header("X-ClickHouse-Key");
        if (key != null) {
            return key;
        }
        String parameter = request.parameter("password");
        return parameter != null ? parameter : request.bearerToken();
    }

    private static Map<String, String> settings(ApiRequest request) {
        Map<String, String> settings = new HashMap<>();
        for (Map.Entry<String, List<String>> parameter : request.parameters().entrySet()) {
            String name = parameter.getKey();
            if (!NOT_SETTINGS.contains(name)
                    && !name.startsWith("param_")
                    && !parameter.getValue().isEmpty()) {
                settings.put(name, parameter.getValue().get(0));
            }
        }
        return settings;
    }

    private static String defaultFormat(ApiRequest request) {
        String parameter = request.parameter("default_format");
        if (parameter != null && !parameter.isBlank()) {
            return parameter;
        }
        String header = request.header("X-ClickHouse-Format");
        return header != null && !header.isBlank() ? header : DEFAULT_FORMAT;
    }

    private static String queryId(ApiRequest request) {
        String parameter = request.parameter("query_id");
        if (parameter != null && !parameter.isBlank()) {
            return parameter;
        }
        String header = request.header("X-ClickHouse-Query-Id");
        return header != null && !header.isBlank() ? header : UUID.randomUUID().toString();
    }

    /** X-ClickHouse-Summary: every value a string, as ClickHouse sends it. */
    private static String summary(QueryRunner.RenderedResult rendered) {
        var statistics = rendered.result().statistics();
        long readRows = statistics == null ? 0 : statistics.rowsRead();
        long readBytes = statistics == null ? 0 : statistics.bytesRead();
        long elapsed = statistics == null ? 0 : statistics.elapsedNanos();
        long resultRows = rendered.format() == null ? 0 : rendered.result().rowCount();
        return "{\"read_rows\":\"" + readRows + "\",\"read_bytes\":\"" + readBytes
                + "\",\"written_rows\":\"0\",\"written_bytes\":\"0\",\"total_rows_to_read\":\"" + readRows
                + "\",\"result_rows\":\"" + resultRows + "\",\"result_bytes\":\"" + rendered.body().length
                + "\",\"elapsed_ns\":\"" + elapsed + "\"}";
    }
}
