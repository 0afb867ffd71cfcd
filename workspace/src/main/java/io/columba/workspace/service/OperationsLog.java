package io.columba.workspace.service;

import io.columba.ingest.Inserter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code tinybird.datasources_ops_log}: one row per operation on a data source. Events API appends are aggregated
 * as Tinybird does ({@code append-hfi}): the rows each request brought ({@link #eventsAccepted}) and the time and
 * errors of the buffer's inserts ({@link #recording}) add up per data source, and become one row each time the
 * log is flushed (every second, or before it is read).
 */
public final class OperationsLog {
    /** Records nothing (a loader or inserter used without a workspace). */
    public static final OperationsLog NONE = new OperationsLog(null);

    static final String QUARANTINE_SUFFIX = "_quarantine";

    private final ServiceLog log;
    /** Per data source, the Events API appends since the last row. */
    private final Map<String, EventAppends> events = new java.util.HashMap<>();

    OperationsLog(ServiceLog log) {
        this.log = log;
    }

    /** Adds {@code operation}'s row, its elapsed time measured now. */
    public void record(DatasourceOperation operation) {
        if (log != null) {
            log.add(operation.row());
        }
    }

    /** An Events API request brought {@code rows} rows to {@code datasource} and {@code quarantined} to quarantine. */
    public void eventsAccepted(String datasource, long rows, long quarantined) {
        if (log == null) {
            return;
        }
        synchronized (events) {
            events.computeIfAbsent(datasource, name -> new EventAppends(Instant.now()))
                    .accepted(rows, quarantined);
        }
    }

    /**
     * An inserter doing what {@code flushes} does, timing each insert (of a data source or its quarantine table)
     * and keeping its failure, for the data source's next {@code append-hfi} row.
     */
    public Inserter recording(Inserter flushes) {
        if (log == null) {
            return flushes;
        }
        return (table, insertion) -> {
            long started = System.nanoTime();
            String failure = null;
            try {
                flushes.insert(table, insertion);
            } catch (RuntimeException e) {
                failure = String.valueOf(e.getMessage());
                throw e;
            } finally {
                String datasource = table.endsWith(QUARANTINE_SUFFIX)
                        ? table.substring(0, table.length() - QUARANTINE_SUFFIX.length())
                        : table;
                double seconds = (System.nanoTime() - started) / 1e9;
                synchronized (events) {
                    events.computeIfAbsent(datasource, name -> new EventAppends(Instant.now()))
                            .inserted(seconds, failure);
                }
            }
        };
    }

    /** Turns the aggregated Events API appends into rows, then inserts every pending row. */
    void flush() {
        if (log == null) {
            return;
        }
        List<DatasourceOperation> aggregated = new ArrayList<>();
        synchronized (events) {
            events.forEach((datasource, appends) -> {
                if (appends.worthARow()) {
                    aggregated.add(appends.operation(datasource));
                }
            });
            events.clear();
        }
        aggregated.forEach(this::record);
        log.flush();
    }

    /** The Events API appends to one data source over one period. */
    private static final class EventAppends {
        private final Instant started;
        private long rows;
        private long quarantined;
        private double seconds;
        private String failure;

        EventAppends(Instant started) {
            this.started = started;
        }

        void accepted(long rowCount, long quarantineCount) {
            rows += rowCount;
            quarantined += quarantineCount;
        }

        void inserted(double elapsed, String error) {
            seconds += elapsed;
            if (error != null) {
                failure = error;
            }
        }

        /** Whether rows came or an insert failed; inserts of rows replayed from the log after a restart do not count. */
        boolean worthARow() {
            return rows > 0 || quarantined > 0 || failure != null;
        }

        DatasourceOperation operation(String datasource) {
            DatasourceOperation operation = DatasourceOperation.aggregated("append-hfi", datasource, started, seconds)
                    .rows(rows, quarantined)
                    .option("source", "events");
            return failure == null ? operation : operation.failed(failure);
        }
    }
}
