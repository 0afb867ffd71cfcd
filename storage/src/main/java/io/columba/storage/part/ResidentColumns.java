package io.columba.storage.part;

import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The memory budget of the columns fresh parts keep after they are written ({@link DataPart#keepResident}): a
 * stream of small inserts is merged soon after, and a merge that finds a source's columns in memory need not
 * decompress and decode what was just encoded. One budget for the whole process; when a new part does not fit, the
 * parts that have held their columns longest let them go.
 */
final class ResidentColumns {
    /** A sixteenth of the heap, at most 256 MiB. */
    static final long BUDGET_BYTES = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 16);

    /** Parts holding columns, oldest first, with the bytes each holds. */
    private static final Map<DataPart, Long> HELD = new LinkedHashMap<>();

    private static long heldBytes;

    private ResidentColumns() {}

    /**
     * Whether {@code part} may hold {@code bytes} of columns; makes room by releasing the oldest holders. A part of
     * more than a quarter of the budget is refused (one large part would push out many small ones).
     */
    static synchronized boolean admit(DataPart part, long bytes) {
        if (bytes > BUDGET_BYTES / 4) {
            return false;
        }
        Iterator<Map.Entry<DataPart, Long>> oldest = HELD.entrySet().iterator();
        while (heldBytes + bytes > BUDGET_BYTES && oldest.hasNext()) {
            Map.Entry<DataPart, Long> entry = oldest.next();
            heldBytes -= entry.getValue();
            entry.getKey().forgetResident();
            oldest.remove();
        }
        HELD.put(part, bytes);
        heldBytes += bytes;
        return true;
    }

    /** Gives back what {@code part} held, if anything. */
    static synchronized void release(DataPart part) {
        Long bytes = HELD.remove(part);
        if (bytes != null) {
            heldBytes -= bytes;
        }
    }

    /** Bytes held now (tests). */
    static synchronized long heldBytes() {
        return heldBytes;
    }

    /** Heap bytes of a column's vectors (of the kinds {@link ValueCodec#readsBackAs} accepts). */
    static long sizeOf(Column column) {
        long nulls = column.nulls() == null ? 0 : column.nulls().length;
        return nulls
                + switch (column) {
                    case LongColumn longs -> 8L * longs.values().length;
                    case DoubleColumn doubles -> 8L * doubles.values().length;
                    case StringColumn strings -> strings.data().length + 4L * strings.offsets().length;
                    default -> 0L;
                };
    }
}
