package io.columba.workspace.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columba.executor.Database;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows waiting to be inserted into one service table. Requests only add a row to a list; {@link #flush()}
 * inserts what is pending as one JSONEachRow insert (one part), so a busy endpoint does not make a part per call.
 */
final class ServiceLog {
    private static final System.Logger LOG = System.getLogger(ServiceLog.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Pending rows past this many are inserted by the next {@link #add}. */
    static final int MAX_PENDING_ROWS = 10_000;

    private final Database database;
    private final ServiceTable table;
    private final Object flushing = new Object();
    private List<Map<String, Object>> pending = new ArrayList<>();

    ServiceLog(Database database, ServiceTable table) {
        this.database = database;
        this.table = table;
    }

    ServiceTable table() {
        return table;
    }

    /** Adds one row (column name to value: strings, numbers, lists, maps, null). */
    void add(Map<String, Object> row) {
        boolean full;
        synchronized (this) {
            pending.add(row);
            full = pending.size() >= MAX_PENDING_ROWS;
        }
        if (full) {
            flush();
        }
    }

    /** Inserts the pending rows; a failure is logged and loses them (the log never fails what it records). */
    void flush() {
        synchronized (flushing) {
            List<Map<String, Object>> rows;
            synchronized (this) {
                if (pending.isEmpty()) {
                    return;
                }
                rows = pending;
                pending = new ArrayList<>();
            }
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 256);
                for (Map<String, Object> row : rows) {
                    out.writeBytes(JSON.writeValueAsBytes(row));
                    out.write('\n');
                }
                byte[] data = out.toByteArray();
                database.insert(table.table(), List.of(), "JSONEachRow", data, 0, data.length);
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "cannot write " + rows.size() + " rows of tinybird." + table.serviceName() + ": " + e);
            }
        }
    }
}
