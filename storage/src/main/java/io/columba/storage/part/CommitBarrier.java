package io.columba.storage.part;

import java.util.function.Supplier;

/**
 * Work that must be finished before a part written by this thread is renamed into place, run at that last
 * moment: a write-ahead log's intent can then be synced while the part is being written rather than before. Parts
 * written by other threads (merges) do not wait for it.
 */
public final class CommitBarrier {
    private static final ThreadLocal<Runnable> CURRENT = new ThreadLocal<>();

    private CommitBarrier() {}

    /**
     * Runs {@code work}; every part it commits on this thread first runs {@code barrier} (which must be cheap to
     * run again once done, and throws when the part must not commit).
     */
    public static <T> T around(Runnable barrier, Supplier<T> work) {
        Runnable previous = CURRENT.get();
        CURRENT.set(
                previous == null
                        ? barrier
                        : () -> {
                            previous.run();
                            barrier.run();
                        });
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Runs the barrier of the current thread, if any. */
    static void await() {
        Runnable barrier = CURRENT.get();
        if (barrier != null) {
            barrier.run();
        }
    }
}
