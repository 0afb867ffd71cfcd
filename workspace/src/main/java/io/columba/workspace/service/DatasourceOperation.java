package io.columba.workspace.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code tinybird.datasources_ops_log} being filled in while its operation runs: started now, with
 * {@link #failed} when it fails; {@link OperationsLog#record} stamps the elapsed time. Not thread-safe.
 */
public final class DatasourceOperation {
    private final String eventType;
    private final String datasource;
    private final Instant started;
    private final long startedNanos = System.nanoTime();
    /** The elapsed seconds when given (operations aggregated over a period); else measured from the start. */
    private Double elapsedSeconds;

    private final Map<String, String> options = new LinkedHashMap<>();
    private String operationId = "";
    private String requestId = "";
    private String importId;
    private String jobId;
    private Long rows;
    private Long rowsQuarantine;
    private String error;
    private String pipeName = "";
    private long readRows;
    private long readBytes;

    private DatasourceOperation(String eventType, String datasource, Instant started) {
        this.eventType = eventType;
        this.datasource = datasource;
        this.started = started;
    }

    /** An operation of {@code eventType} ({@code append}, {@code replace}, {@code delete}...) starting now. */
    public static DatasourceOperation start(String eventType, String datasource) {
        return new DatasourceOperation(eventType, datasource, Instant.now());
    }

    /** Operations aggregated into one row: the first started at {@code started}, all took {@code elapsed} seconds. */
    static DatasourceOperation aggregated(String eventType, String datasource, Instant started, double elapsed) {
        DatasourceOperation operation = new DatasourceOperation(eventType, datasource, started);
        operation.elapsedSeconds = elapsed;
        return operation;
    }

    public String eventType() {
        return eventType;
    }

    public String datasource() {
        return datasource;
    }

    public DatasourceOperation requestId(String id) {
        this.requestId = id == null ? "" : id;
        return this;
    }

    /** The import's and its job's id ({@code import_id}, {@code job_id}, {@code operation_id}). */
    public DatasourceOperation jobId(String id) {
        this.importId = id;
        this.jobId = id;
        this.operationId = id;
        return this;
    }

    public DatasourceOperation rows(long written, long quarantined) {
        this.rows = written;
        this.rowsQuarantine = quarantined;
        return this;
    }

    public DatasourceOperation read(long rowCount, long byteCount) {
        this.readRows = rowCount;
        this.readBytes = byteCount;
        return this;
    }

    public DatasourceOperation pipe(String name) {
        this.pipeName = name;
        return this;
    }

    /** An entry of {@code Options.Names}/{@code Options.Values}; null values are left out. */
    public DatasourceOperation option(String name, String value) {
        if (value != null) {
            options.put(name, value);
        }
        return this;
    }

    public DatasourceOperation failed(String message) {
        this.error = message == null ? "error" : message;
        return this;
    }

    Map<String, Object> row() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("timestamp", ServiceDataSources.dateTime(started));
        row.put("event_type", eventType);
        row.put("operation_id", operationId);
        row.put("datasource_id", ServiceDataSources.resourceId(datasource));
        row.put("datasource_name", datasource);
        row.put("result", error == null ? "ok" : "error");
        row.put("elapsed_time", elapsedSeconds != null ? elapsedSeconds : (System.nanoTime() - startedNanos) / 1e9);
        row.put("error", error);
        row.put("request_id", requestId);
        row.put("import_id", importId);
        row.put("job_id", jobId);
        row.put("rows", rows);
        row.put("rows_quarantine", rowsQuarantine);
        row.put("blocks_ids", List.of());
        row.put("Options.Names", new ArrayList<>(options.keySet()));
        row.put("Options.Values", new ArrayList<>(options.values()));
        row.put("pipe_id", pipeName.isEmpty() ? "" : ServiceDataSources.resourceId(pipeName));
        row.put("pipe_name", pipeName);
        row.put("read_rows", readRows);
        row.put("read_bytes", readBytes);
        row.put("written_rows", rows == null ? 0 : rows);
        row.put("written_bytes", 0);
        row.put("written_rows_quarantine", rowsQuarantine == null ? 0 : rowsQuarantine);
        row.put("written_bytes_quarantine", 0);
        row.put("release", "");
        row.put("resource_tags", List.of());
        row.put("cpu_time", 0);
        return row;
    }
}
