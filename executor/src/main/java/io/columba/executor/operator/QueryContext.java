package io.columba.executor.operator;

import io.columba.executor.QuerySettings;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One query's reading and its limits, shared by its threads: the rows and bytes its scans read, and ClickHouse's
 * {@code max_rows_to_read}, {@code max_execution_time} and {@code max_memory_usage}, checked as each block is read
 * (and as hash tables grow). A limit whose overflow mode is {@code break} stops the scans instead of failing: the
 * query answers from what was read. {@link #cancel} makes the next check fail with QUERY_WAS_CANCELLED.
 */
public final class QueryContext {
    private final AtomicLong rows;
    private final AtomicLong bytes;
    private final AtomicLong memory;
    private final AtomicBoolean cancelled;
    private final long maxRowsToRead;
    private final boolean readBreaks;
    private final long startedNanos;
    private final long timeoutNanos;
    private final String maxExecutionTime;
    private final boolean timeoutBreaks;
    private final long maxMemoryUsage;
    private final long maxResultRows;
    private final boolean resultBreaks;
    private volatile boolean stopped;

    /** No limits. */
    public QueryContext() {
        this(QuerySettings.DEFAULTS);
    }

    public QueryContext(QuerySettings settings) {
        this(settings, new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicBoolean(), System.nanoTime());
    }

    private QueryContext(
            QuerySettings settings,
            AtomicLong rows,
            AtomicLong bytes,
            AtomicLong memory,
            AtomicBoolean cancelled,
            long startedNanos) {
        this.rows = rows;
        this.bytes = bytes;
        this.memory = memory;
        this.cancelled = cancelled;
        this.startedNanos = startedNanos;
        this.maxRowsToRead = settings.getLong("max_rows_to_read", 0);
        this.readBreaks = breaks(settings, "read_overflow_mode");
        this.maxExecutionTime = settings.get("max_execution_time", "0").strip();
        double seconds = parseSeconds(maxExecutionTime);
        this.timeoutNanos = seconds <= 0 ? 0 : (long) (seconds * 1e9);
        this.timeoutBreaks = breaks(settings, "timeout_overflow_mode");
        this.maxMemoryUsage = settings.getLong("max_memory_usage", 0);
        this.maxResultRows = settings.getLong("max_result_rows", 0);
        this.resultBreaks = breaks(settings, "result_overflow_mode");
    }

    /**
     * The same query under other limits (its SETTINGS clause added to the request's): counters, start time and
     * cancellation stay shared, so cancelling either context stops the query.
     */
    public QueryContext withSettings(QuerySettings settings) {
        return new QueryContext(settings, rows, bytes, memory, cancelled, startedNanos);
    }

    private static boolean breaks(QuerySettings settings, String name) {
        String mode = settings.get(name, "throw").strip();
        if (mode.equals("throw") || mode.equals("break")) {
            return mode.equals("break");
        }
        throw new ColumbaException(
                ErrorCode.UNKNOWN_OVERFLOW_MODE,
                "Unknown overflow mode: '" + mode + "', must be one of 'throw', 'break', 'any'");
    }

    private static double parseSeconds(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_PARSE_NUMBER, "Cannot parse max_execution_time: expected seconds, got " + text);
        }
    }

    /** Counts rows and bytes read (by any source), then checks the time limit and cancellation. */
    public void add(long rowCount, long byteCount) {
        rows.addAndGet(rowCount);
        bytes.addAndGet(byteCount);
        check();
    }

    /** Counts rows and bytes a table scan read, checked against {@code max_rows_to_read} too. */
    public void addTableRead(long rowCount, long byteCount) {
        add(rowCount, byteCount);
        if (readBreaks && maxRowsToRead > 0 && rows.get() > maxRowsToRead) {
            stopped = true;
        }
        checkRowsToRead(rows.get());
    }

    /**
     * Before a table is read: fails when the rows its pruned granules hold are already over the limit (in mode
     * {@code break} the scans read up to the limit instead).
     */
    public void checkRowsToRead(long rowCount) {
        if (maxRowsToRead <= 0 || rowCount <= maxRowsToRead) {
            return;
        }
        if (readBreaks) {
            return;
        }
        throw new ColumbaException(
                ErrorCode.TOO_MANY_ROWS,
                "Limit for rows to read exceeded: " + rowCount + " rows read (or to read), maximum: " + maxRowsToRead);
    }

    /** Fails when the query was cancelled or ran past {@code max_execution_time}. */
    public void check() {
        if (cancelled.get()) {
            throw new ColumbaException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        }
        if (timeoutNanos == 0) {
            return;
        }
        long elapsed = System.nanoTime() - startedNanos;
        if (elapsed <= timeoutNanos) {
            return;
        }
        if (timeoutBreaks) {
            stopped = true;
            return;
        }
        throw new ColumbaException(
                ErrorCode.TIMEOUT_EXCEEDED,
                String.format(
                        Locale.ROOT,
                        "Timeout exceeded: elapsed %.3f seconds, maximum: %s",
                        elapsed / 1e9,
                        maxExecutionTime));
    }

    /**
     * Checks the rows of the result so far against {@code max_result_rows}; false when the result stops here (mode
     * {@code break}: the block that went over the limit is kept, as in ClickHouse).
     */
    public boolean acceptResultRows(long resultRows) {
        if (maxResultRows <= 0 || resultRows <= maxResultRows) {
            return true;
        }
        if (resultBreaks) {
            return false;
        }
        throw new ColumbaException(
                ErrorCode.TOO_MANY_ROWS_OR_BYTES,
                "Limit for result exceeded, max rows: " + readableQuantity(maxResultRows) + ", current rows: "
                        + readableQuantity(resultRows));
    }

    /** Whether a limit in {@code break} mode was reached: scans stop reading and the query answers from what it has. */
    public boolean stopped() {
        return stopped;
    }

    /**
     * Makes the query fail with QUERY_WAS_CANCELLED at its next check (as each block is read): a client that went
     * away. Safe to call from any thread, before, while or after the query runs.
     */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
    }

    /**
     * Accounts {@code delta} bytes more (or fewer, when negative) held by hash tables and states; fails past
     * {@code max_memory_usage}.
     */
    public void trackMemory(long delta) {
        long used = memory.addAndGet(delta);
        if (maxMemoryUsage <= 0 || delta <= 0 || used <= maxMemoryUsage) {
            return;
        }
        memory.addAndGet(-delta);
        throw new ColumbaException(
                ErrorCode.MEMORY_LIMIT_EXCEEDED,
                "Memory limit (for query) exceeded: would use " + readableSize(used) + " (attempt to allocate chunk of "
                        + delta + " bytes), maximum: " + readableSize(maxMemoryUsage));
    }

    /** ClickHouse's formatReadableSizeWithBinarySuffix: two decimals and B, KiB, MiB... */
    static String readableSize(long size) {
        return readable(size, 1024, new String[] {" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB"});
    }

    /** ClickHouse's formatReadableQuantity: two decimals and thousand, million, billion... */
    static String readableQuantity(long quantity) {
        return readable(quantity, 1000, new String[] {"", " thousand", " million", " billion", " trillion"});
    }

    private static String readable(long amount, int base, String[] units) {
        double value = amount;
        int unit = 0;
        while (value >= base && unit < units.length - 1) {
            value /= base;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f%s", value, units[unit]);
    }

    public long rows() {
        return rows.get();
    }

    public long bytes() {
        return bytes.get();
    }
}
