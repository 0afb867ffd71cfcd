package io.columba.workspace.service;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.workspace.pipe.TableNameRewriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The service data sources of a workspace ({@code tinybird.datasources_ops_log}, {@code tinybird.pipe_stats_rt}):
 * their tables, created when the workspace opens, the rows waiting for them (inserted every second, before
 * anything reads them, and at close), and {@link #resolve}, which points a query's {@code FROM tinybird.<name>}
 * at their tables.
 */
public final class ServiceDataSources implements AutoCloseable {
    /** The database name queries use for service data sources. */
    public static final String DATABASE = "tinybird";

    static final long FLUSH_MILLIS = 1000;
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Map<ServiceTable, ServiceLog> logs = new EnumMap<>(ServiceTable.class);
    private final OperationsLog operations;
    private final ScheduledExecutorService flusher;

    private ServiceDataSources(Database database) {
        for (ServiceTable table : ServiceTable.values()) {
            database.execute(table.createStatement(), QuerySettings.DEFAULTS);
            logs.put(table, new ServiceLog(database, table));
        }
        this.operations = new OperationsLog(logs.get(ServiceTable.DATASOURCES_OPS_LOG));
        this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "columba-service-logs");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Creates the service tables of {@code database} unless they exist, and starts flushing their rows. */
    public static ServiceDataSources open(Database database) {
        return new ServiceDataSources(database);
    }

    public OperationsLog operations() {
        return operations;
    }

    /** Adds a row to {@code tinybird.pipe_stats_rt}. */
    public void recordRequest(RequestStats request) {
        logs.get(ServiceTable.PIPE_STATS_RT).add(request.row());
    }

    /**
     * {@code sql} with each {@code FROM|JOIN tinybird.<name>} pointing at the table of that service data source,
     * once the rows waiting for it are inserted.
     *
     * @throws ColumbaException UNKNOWN_TABLE for a {@code tinybird.<name>} this workspace does not keep
     */
    public String resolve(String sql) {
        if (!sql.contains(DATABASE)) {
            return sql;
        }
        return TableNameRewriter.rewriteQualified(sql, DATABASE, name -> {
            ServiceTable table = ServiceTable.named(name)
                    .orElseThrow(() -> new ColumbaException(
                            ErrorCode.UNKNOWN_TABLE,
                            "Service Data Source " + DATABASE + "." + name + " does not exist: the service data "
                                    + "sources here are "
                                    + Arrays.stream(ServiceTable.values())
                                            .map(t -> DATABASE + "." + t.serviceName())
                                            .collect(Collectors.joining(", "))));
            if (table == ServiceTable.DATASOURCES_OPS_LOG) {
                operations.flush();
            } else {
                logs.get(table).flush();
            }
            return "`" + table.table() + "`";
        });
    }

    /** Inserts every pending row. */
    public void flush() {
        operations.flush();
        logs.get(ServiceTable.PIPE_STATS_RT).flush();
    }

    /** Stops the periodic flush and inserts what is pending. */
    @Override
    public void close() {
        flusher.shutdownNow();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** A stable Tinybird-shaped id ({@code t_<32 hex>}) for the data source or pipe {@code name}. */
    public static String resourceId(String name) {
        return "t_"
                + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .replace("-", "");
    }
}
