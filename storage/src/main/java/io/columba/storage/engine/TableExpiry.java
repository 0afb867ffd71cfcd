package io.columba.storage.engine;

import io.columba.storage.block.Block;
import io.columba.storage.part.DataPart;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table's row TTL as merges apply it: which rows have expired, which part a TTL merge should rewrite next (at
 * most one per partition every {@code merge_with_ttl_timeout} seconds), and when a part's first row expires. A
 * table without TTL gets {@link #NONE}, which keeps every row.
 */
final class TableExpiry {
    static final TableExpiry NONE = new TableExpiry(null, 0);

    private final RowExpiry expiry;
    private final long timeoutSeconds;
    private final Map<String, Long> lastTtlMerge = new ConcurrentHashMap<>();

    TableExpiry(RowExpiry expiry, long timeoutSeconds) {
        this.expiry = expiry;
        this.timeoutSeconds = timeoutSeconds;
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** The earliest epoch second a row expires at ({@code Long.MAX_VALUE}: none does). */
    long earliest(Block rows) {
        long earliest = Long.MAX_VALUE;
        if (expiry != null) {
            for (long time : expiry.expiryTimes(rows)) {
                earliest = Math.min(earliest, time);
            }
        }
        return earliest;
    }

    boolean allExpired(Block rows) {
        if (expiry == null) {
            return false;
        }
        long now = now();
        for (long time : expiry.expiryTimes(rows)) {
            if (time > now) {
                return false;
            }
        }
        return true;
    }

    boolean hasExpiredRows(List<DataPart> parts) {
        long now = now();
        return expiry != null && parts.stream().anyMatch(part -> part.ttlMin() <= now);
    }

    /** The rows of {@code rows} that have not expired. */
    Block withoutExpired(Block rows) {
        if (expiry == null) {
            return rows;
        }
        long now = now();
        long[] times = expiry.expiryTimes(rows);
        int[] live = new int[rows.rowCount()];
        int count = 0;
        for (int row = 0; row < times.length; row++) {
            if (times[row] > now) {
                live[count++] = row;
            }
        }
        return count == rows.rowCount() ? rows : rows.take(live, count);
    }

    /** The first part holding expired rows in a partition whose TTL-merge timeout has passed, or null. */
    DataPart partToRewrite(List<DataPart> parts) {
        if (expiry == null) {
            return null;
        }
        long now = now();
        for (DataPart part : parts) {
            String partition = part.name().partitionId();
            long last = lastTtlMerge.getOrDefault(partition, Long.MIN_VALUE / 2);
            if (part.ttlMin() <= now && now - last >= timeoutSeconds) {
                lastTtlMerge.put(partition, now);
                return part;
            }
        }
        return null;
    }
}
