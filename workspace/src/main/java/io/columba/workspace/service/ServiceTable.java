package io.columba.workspace.service;

import java.util.Optional;

/**
 * Tinybird's service data sources ({@code tinybird.<name>}) this workspace keeps, each in a table of the database
 * named {@value #PREFIX}{@code <name>}, with the columns of Tinybird's documentation.
 */
public enum ServiceTable {
    /** One row per data source operation: create, append, append-hfi, replace, delete, truncate, populateview. */
    DATASOURCES_OPS_LOG("datasources_ops_log", """
            timestamp DateTime,
            event_type String,
            operation_id String,
            datasource_id String,
            datasource_name String,
            result String,
            elapsed_time Float32,
            error Nullable(String),
            request_id String,
            import_id Nullable(String),
            job_id Nullable(String),
            rows Nullable(UInt64),
            rows_quarantine Nullable(UInt64),
            blocks_ids Array(String),
            `Options.Names` Array(String),
            `Options.Values` Array(String),
            pipe_id String,
            pipe_name String,
            read_rows UInt64,
            read_bytes UInt64,
            written_rows UInt64,
            written_bytes UInt64,
            written_rows_quarantine UInt64,
            written_bytes_quarantine UInt64,
            release String,
            resource_tags Array(String),
            cpu_time Float32""", "timestamp", false),
    /** One row per API endpoint or Query API request, kept 7 days. */
    PIPE_STATS_RT("pipe_stats_rt", """
            start_datetime DateTime,
            pipe_id String,
            pipe_name String,
            duration Float32,
            read_bytes UInt64,
            read_rows UInt64,
            result_rows UInt64,
            url String,
            error UInt8,
            request_id String,
            token String,
            token_name String,
            status_code Int32,
            method String,
            parameters Map(String, String),
            release String,
            user_agent Nullable(String),
            resource_tags Array(String),
            cpu_time Float32""", "start_datetime", true);

    /** Prefix of the tables holding service data sources; data sources cannot be ingested into them. */
    public static final String PREFIX = "__tinybird_";

    private final String serviceName;
    private final String columns;
    private final String timeColumn;
    /** Whether rows expire after 7 days, as Tinybird's real-time stats do. */
    private final boolean expires;

    ServiceTable(String serviceName, String columns, String timeColumn, boolean expires) {
        this.serviceName = serviceName;
        this.columns = columns;
        this.timeColumn = timeColumn;
        this.expires = expires;
    }

    /** The name after {@code tinybird.}. */
    public String serviceName() {
        return serviceName;
    }

    /** The table of the database holding it. */
    public String table() {
        return PREFIX + serviceName;
    }

    /** The service data source {@code tinybird.<name>}, if this workspace keeps it. */
    public static Optional<ServiceTable> named(String name) {
        for (ServiceTable table : values()) {
            if (table.serviceName.equals(name)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code table} holds a service data source (so is no data source of the project). */
    public static boolean isServiceTable(String table) {
        return table.startsWith(PREFIX);
    }

    String createStatement() {
        return "CREATE TABLE IF NOT EXISTS `" + table() + "` (\n" + columns + "\n) ENGINE = MergeTree ORDER BY "
                + timeColumn + (expires ? " TTL " + timeColumn + " + INTERVAL 7 DAY" : "");
    }
}
