package io.columba.executor.operator;

import java.util.concurrent.atomic.AtomicLong;

/** Rows and bytes read by the scans of one query. */
public final class ScanStatistics {
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    public void add(long rowCount, long byteCount) {
        rows.addAndGet(rowCount);
        bytes.addAndGet(byteCount);
    }

    public long rows() {
        return rows.get();
    }

    public long bytes() {
        return bytes.get();
    }
}
