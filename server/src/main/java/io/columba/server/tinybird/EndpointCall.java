package io.columba.server.tinybird;

import io.columba.executor.QueryStatistics;
import io.columba.server.http.ApiRequest;
import io.columba.server.query.QueryRunner;
import io.columba.workspace.service.RequestStats;
import io.columba.workspace.token.Token;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Tinybird API request on its way through the endpoints: its {@code x-request-id}, when it started, and, for
 * API endpoint and Query API requests, what {@code tinybird.pipe_stats_rt} records of it (the pipe, the rows read
 * and returned). Used by one request thread.
 */
final class EndpointCall {
    private final String requestId = RequestIds.next();
    private final Instant started = Instant.now();
    private final long startedNanos = System.nanoTime();
    private boolean recorded;
    private String pipeName;
    private QueryStatistics statistics;
    private long resultRows;

    String requestId() {
        return requestId;
    }

    /** Marks the request as a call of pipe {@code name}'s endpoint (null: the Query API) to record. */
    void endpoint(String name) {
        this.recorded = true;
        this.pipeName = name;
    }

    /** Keeps what the query read and returned. */
    void ran(QueryRunner.RenderedResult rendered) {
        this.statistics = rendered.result().statistics();
        this.resultRows = rendered.format() == null ? 0 : rendered.result().rowCount();
    }

    boolean recorded() {
        return recorded;
    }

    /** The {@code tinybird.pipe_stats_rt} row of this request, answered with {@code status}. */
    RequestStats stats(ApiRequest request, Token token, int status) {
        Map<String, String> parameters = new LinkedHashMap<>();
        StringBuilder url = new StringBuilder(request.path());
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : request.parameters().entrySet()) {
            if (parameter.getKey().equals("token")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                parameters.putIfAbsent(parameter.getKey(), value);
                url.append(separator)
                        .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return new RequestStats(
                started,
                pipeName,
                (System.nanoTime() - startedNanos) / 1e9,
                statistics == null ? 0 : statistics.rowsRead(),
                statistics == null ? 0 : statistics.bytesRead(),
                resultRows,
                url.toString(),
                status,
                requestId,
                token.id(),
                token.name(),
                request.method(),
                parameters,
                request.header("User-Agent"));
    }
}
