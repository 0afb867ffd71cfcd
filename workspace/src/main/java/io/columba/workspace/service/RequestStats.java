package io.columba.workspace.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One API endpoint or Query API request, a row of {@code tinybird.pipe_stats_rt}. {@code pipeName} is null for
 * {@code /v0/sql} (recorded as {@code query_api}); {@code url} has its token left out.
 */
public record RequestStats(
        Instant started,
        String pipeName,
        double durationSeconds,
        long readRows,
        long readBytes,
        long resultRows,
        String url,
        int statusCode,
        String requestId,
        String tokenId,
        String tokenName,
        String method,
        Map<String, String> parameters,
        String userAgent) {
    /** {@code pipe_id} and {@code pipe_name} of a {@code /v0/sql} request. */
    public static final String QUERY_API = "query_api";

    Map<String, Object> row() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("start_datetime", ServiceDataSources.dateTime(started));
        row.put("pipe_id", pipeName == null ? QUERY_API : ServiceDataSources.resourceId(pipeName));
        row.put("pipe_name", pipeName == null ? QUERY_API : pipeName);
        row.put("duration", durationSeconds);
        row.put("read_bytes", readBytes);
        row.put("read_rows", readRows);
        row.put("result_rows", resultRows);
        row.put("url", url);
        row.put("error", statusCode >= 400 ? 1 : 0);
        row.put("request_id", requestId);
        row.put("token", tokenId == null ? "" : tokenId);
        row.put("token_name", tokenName == null ? "" : tokenName);
        row.put("status_code", statusCode);
        row.put("method", method);
        row.put("parameters", parameters);
        row.put("release", "");
        row.put("user_agent", userAgent);
        row.put("resource_tags", List.of());
        row.put("cpu_time", 0);
        return row;
    }
}
