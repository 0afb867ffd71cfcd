package io.columba.server.tinybird;

import io.columba.ingest.events.EventIngestor;
import io.columba.ingest.events.IngestResult;
import io.columba.ingest.json.IngestSchema;
import io.columba.server.http.ApiRequest;
import io.columba.server.http.ApiResponse;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.workspace.datasource.DatasourceCatalog;
import io.columba.workspace.service.OperationsLog;
import io.columba.workspace.token.Token;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v0/events?name=<ds>[&wait=true]}: NDJSON or one JSON object, any Content-Type, gzip already
 * undone by the HTTP pipeline. Answers {@code {"successful_rows", "quarantined_rows"}} with 202 once the rows are
 * durable, or 200 with {@code wait=true} once they are in the table. 400 without {@code name} or for a body that
 * is not JSON, 404 for an unknown data source, 403 without {@code DATASOURCES:APPEND:<ds>} or ADMIN, 413 over the
 * body limit (10 MB as Tinybird). A refused body answers {@code {"error", "code", "exception"}}: the message, and
 * ClickHouse's error number and text ({@code Code: 27. DB::Exception: ... (CANNOT_PARSE_INPUT_ASSERTION_FAILED)}).
 * Accepted rows add up in {@code tinybird.datasources_ops_log}'s {@code append-hfi} rows.
 */
final class EventsEndpoint {
    static final String PATH = "/v0/events";
    static final int DEFAULT_MAX_BODY_BYTES = 10 << 20;

    private final DatasourceCatalog datasources;
    private final EventIngestor events;
    private final int maxBodyBytes;
    private final OperationsLog operations;

    EventsEndpoint(DatasourceCatalog datasources, EventIngestor events, int maxBodyBytes, OperationsLog operations) {
        this.datasources = datasources;
        this.events = events;
        this.maxBodyBytes = maxBodyBytes;
        this.operations = operations;
    }

    ApiResponse handle(ApiRequest request, Token token) {
        if (!request.method().equals("POST")) {
            return ApiResponse.jsonError(
                    405, "Method " + request.method() + " is not allowed on " + PATH + ": send events with POST");
        }
        String name = request.parameter("name");
        if (name == null || name.isBlank()) {
            return ApiResponse.jsonError(400, "The 'name' parameter is required: POST /v0/events?name=<data source>");
        }
        Optional<IngestSchema> schema = datasources.schema(name);
        if (schema.isEmpty()) {
            return ApiResponse.jsonError(404, "Data Source '" + name + "' not found: it must be created first");
        }
        if (!token.canAppendDatasource(name)) {
            return ApiResponse.jsonError(
                    403,
                    "Not enough permissions to append to the Data Source '" + name + "': the token needs the scope "
                            + Token.datasourceAppendScope(name) + " or ADMIN");
        }
        if (request.body().length > maxBodyBytes) {
            return ApiResponse.jsonError(
                    413,
                    "The request body is " + request.body().length + " bytes, over the limit of " + maxBodyBytes
                            + " bytes per Events API request: send smaller batches");
        }
        if (request.body().length == 0) {
            return ApiResponse.jsonError(400, "The request body is empty: send NDJSON, one JSON object per line");
        }
        boolean wait = "true".equalsIgnoreCase(request.parameter("wait")) || "1".equals(request.parameter("wait"));
        try {
            IngestResult result = events.ingest(schema.get(), request.body(), wait);
            operations.eventsAccepted(name, result.successfulRows(), result.quarantinedRows());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("successful_rows", result.successfulRows());
            body.put("quarantined_rows", result.quarantinedRows());
            return ApiResponse.json(wait ? 200 : 202, body);
        } catch (ColumbaException e) {
            int status = e.errorCode() == ErrorCode.CANNOT_PARSE_INPUT_ASSERTION_FAILED ? 400 : 500;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.getMessage());
            body.put("code", e.errorCode().code());
            body.put("exception", e.toClickHouseText());
            return ApiResponse.json(status, body);
        }
    }
}
