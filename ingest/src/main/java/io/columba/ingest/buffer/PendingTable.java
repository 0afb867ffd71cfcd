package io.columba.ingest.buffer;

import java.util.ArrayList;
import java.util.List;

/** The rows pending for one table: how many bytes, since when, and whether a client waits for them. */
final class PendingTable {
    private final List<PendingRows> rows = new ArrayList<>();
    private long bytes;
    private long oldestNanos;
    private boolean urgent;

    void add(PendingRows pending, long nowNanos, boolean waited) {
        if (rows.isEmpty()) {
            oldestNanos = nowNanos;
        }
        rows.add(pending);
        bytes += pending.bytes();
        urgent |= waited;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    long bytes() {
        return bytes;
    }

    void markUrgent() {
        urgent = !rows.isEmpty();
    }

    /** Nanoseconds until these rows are due (0 or less: due now), or Long.MAX_VALUE when there are none. */
    long nanosUntilDue(long nowNanos, long flushBytes, long delayNanos) {
        if (rows.isEmpty()) {
            return Long.MAX_VALUE;
        }
        if (urgent || bytes >= flushBytes) {
            return 0;
        }
        return oldestNanos + delayNanos - nowNanos;
    }

    /** Takes every pending row. */
    List<PendingRows> takeAll() {
        List<PendingRows> taken = new ArrayList<>(rows);
        rows.clear();
        bytes = 0;
        urgent = false;
        return taken;
    }
}
