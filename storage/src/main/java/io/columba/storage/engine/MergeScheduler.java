package io.columba.storage.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background thread that merges parts: tables ask for a check after each insert, and every table is checked
 * again every few seconds (which also removes parts outdated by earlier merges).
 */
final class MergeScheduler {
    private static final Logger LOG = Logger.getLogger(MergeScheduler.class.getName());
    private static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "columba-merges");
        thread.setDaemon(true);
        return thread;
    });
    private static final Set<MergeTreeTable> PENDING = ConcurrentHashMap.newKeySet();

    private MergeScheduler() {}

    static void request(MergeTreeTable table) {
        if (PENDING.add(table)) {
            THREAD.execute(() -> run(table));
        }
    }

    /** Checks the table every few seconds for as long as it exists (a dropped or forgotten table stops it). */
    static void schedulePeriodic(MergeTreeTable table) {
        java.lang.ref.WeakReference<MergeTreeTable> reference = new java.lang.ref.WeakReference<>(table);
        THREAD.schedule(
                () -> {
                    MergeTreeTable current = reference.get();
                    if (current != null && !current.isDropped()) {
                        run(current);
                        schedulePeriodic(current);
                    }
                },
                5,
                TimeUnit.SECONDS);
    }

    private static void run(MergeTreeTable table) {
        PENDING.remove(table);
        try {
            while (!table.isDropped() && table.mergeOnce()) {
                // Keep merging while the policy finds work.
            }
            table.removeOutdatedParts(false);
        } catch (RuntimeException e) {
            if (!table.isDropped()) {
                LOG.log(Level.WARNING, "background merge failed for " + table, e);
            }
        }
    }
}
