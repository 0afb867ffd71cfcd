package io.columba.ingest.buffer;

import java.time.Duration;

/**
 * How the insert buffer batches rows into parts: a table's pending rows are inserted once they reach
 * {@code flushBytes} or the oldest has waited {@code flushDelay} (or at once when a client waits for them);
 * clients block while {@code maxPendingBytes} are pending; log segments roll over at {@code segmentBytes}.
 */
public record BufferSettings(long flushBytes, Duration flushDelay, long maxPendingBytes, long segmentBytes) {
    public static final BufferSettings DEFAULTS =
            new BufferSettings(16 << 20, Duration.ofMillis(500), 256 << 20, 64 << 20);

    public BufferSettings {
        if (flushBytes < 1 || maxPendingBytes < flushBytes || segmentBytes < 1) {
            throw new IllegalArgumentException("flushBytes and segmentBytes must be positive, and maxPendingBytes"
                    + " at least flushBytes; got " + flushBytes + ", " + maxPendingBytes + ", " + segmentBytes);
        }
        if (flushDelay.isNegative()) {
            throw new IllegalArgumentException("flushDelay must not be negative, got " + flushDelay);
        }
    }

    public BufferSettings withFlushDelay(Duration delay) {
        return new BufferSettings(flushBytes, delay, maxPendingBytes, segmentBytes);
    }

    public BufferSettings withFlushBytes(long bytes) {
        return new BufferSettings(bytes, flushDelay, Math.max(maxPendingBytes, bytes), segmentBytes);
    }
}
