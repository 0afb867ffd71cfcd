package io.columba.storage.engine;

import io.columba.storage.part.DataPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Inserts that become visible together or not at all (one file import, whatever the number of its batches).
 * While {@link #run} runs work on a thread, every part that thread inserts into a MergeTree table is staged:
 * written and synced in a {@code tmp_} folder, seen by that thread's reads but by no one else's. {@link #commit}
 * then publishes the staged parts table by table, each table's at once (see {@link StagedPublication}: one record
 * synced before the renames, so a crash leaves all of them or none); {@link #abort} deletes them. A crash before
 * the commit leaves nothing: tables delete {@code tmp_} folders when they open.
 *
 * <p>Several threads may {@link #run} work in one transaction (parallel batches). Parts of tables dropped before
 * the commit (staging tables) are left out.
 */
public final class InsertTransaction {
    private static final ThreadLocal<InsertTransaction> CURRENT = new ThreadLocal<>();

    private final String id = UUID.randomUUID().toString().replace("-", "");
    private final Map<MergeTreeTable, List<DataPart>> staged = new LinkedHashMap<>();
    /** Tables whose staged parts are being merged now (see {@link #add}). */
    private final java.util.Set<MergeTreeTable> merging = new java.util.HashSet<>();

    private boolean finished;

    /** Publishes one table's staged parts, possibly holding that table's write lock around it. */
    @FunctionalInterface
    public interface Publisher {
        /** Publishes straight away. */
        Publisher DIRECT = (tableFolder, publication) -> publication.run();

        /** Runs {@code publication}, which makes the staged parts of the table in {@code tableFolder} visible. */
        void publish(Path tableFolder, Runnable publication);
    }

    /** Work run in a transaction, which may throw {@code E}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code work} on this thread with its inserts staged in this transaction. */
    public <T> T run(Supplier<T> work) {
        return within(work::get);
    }

    private <T, E extends Exception> T within(Work<T, E> work) throws E {
        InsertTransaction previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The transaction the current thread's inserts are staged in, or null. */
    public static InsertTransaction current() {
        return CURRENT.get();
    }

    /**
     * Runs {@code work} so that its inserts become visible together: inside the current thread's transaction when
     * there is one (they publish with it), else in a new one committed through {@code publisher} once {@code work}
     * returns, and aborted when it throws.
     */
    public static <T, E extends Exception> T atomically(Publisher publisher, Work<T, E> work) throws E {
        if (current() != null) {
            return work.run();
        }
        InsertTransaction transaction = new InsertTransaction();
        T result;
        try {
            result = transaction.within(work);
        } catch (Exception | Error e) {
            try {
                transaction.abort();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        transaction.commit(publisher);
        return result;
    }

    /**
     * Stages {@code part} for {@code table}. When the table's staged parts of that partition have piled up (see
     * {@link MergeTreeTable#stagedRunToMerge}), merges a run of them into one staged part on this thread, as the
     * background merge would after the commit, so that a large import publishes a few parts instead of hundreds.
     * One such merge at a time per table; the merged part takes the run's place, so the order in which the parts
     * are published (their block numbers) stays the order they were staged in.
     */
    void add(MergeTreeTable table, DataPart part) {
        List<DataPart> run;
        synchronized (this) {
            if (finished) {
                throw new IllegalStateException("insert into " + table + " after its transaction ended");
            }
            List<DataPart> mine = staged.computeIfAbsent(table, t -> new ArrayList<>());
            mine.add(part);
            run = merging.contains(table)
                    ? null
                    : table.stagedRunToMerge(mine, part.name().partitionId());
            if (run == null) {
                return;
            }
            merging.add(table);
        }
        DataPart merged = null;
        try {
            merged = table.mergeStaged(run);
        } finally {
            boolean replaced = false;
            synchronized (this) {
                merging.remove(table);
                List<DataPart> mine = staged.get(table);
                if (merged != null && !finished && mine != null) {
                    int at = indexOf(mine, run.get(0));
                    mine.removeIf(candidate -> run.stream().anyMatch(source -> source == candidate));
                    mine.add(at, merged);
                    replaced = true;
                }
            }
            // The sources (or, if the transaction ended meanwhile, the merged part) are no one's any more.
            deleteQuietly(replaced ? run : merged == null ? List.of() : List.of(merged), null);
        }
    }

    private static int indexOf(List<DataPart> parts, DataPart part) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) == part) {
                return i;
            }
        }
        throw new IllegalStateException("staged part " + part.folder() + " is missing");
    }

    /** {@code committed} plus the parts staged for {@code table}, as this transaction's reads see the table. */
    synchronized List<DataPart> visible(MergeTreeTable table, List<DataPart> committed) {
        List<DataPart> mine = staged.get(table);
        if (mine == null || mine.isEmpty()) {
            return committed;
        }
        List<DataPart> all = new ArrayList<>(committed.size() + mine.size());
        all.addAll(committed);
        all.addAll(mine);
        return List.copyOf(all);
    }

    /** Rows staged in all tables so far. */
    public synchronized long stagedRows() {
        long rows = 0;
        for (List<DataPart> parts : staged.values()) {
            for (DataPart part : parts) {
                rows += part.rowCount();
            }
        }
        return rows;
    }

    /**
     * Publishes every table's staged parts, each table's through {@code publisher}. When a table's publication
     * fails, the tables not yet published get none of their parts.
     */
    public void commit(Publisher publisher) {
        Map<MergeTreeTable, List<DataPart>> tables = finish();
        List<Map.Entry<MergeTreeTable, List<DataPart>>> pending = new ArrayList<>(tables.entrySet());
        for (int t = 0; t < pending.size(); t++) {
            MergeTreeTable table = pending.get(t).getKey();
            List<DataPart> parts = pending.get(t).getValue();
            try {
                publisher.publish(table.folder(), () -> table.publish(id, parts));
            } catch (RuntimeException | Error e) {
                for (Map.Entry<MergeTreeTable, List<DataPart>> rest : pending.subList(t + 1, pending.size())) {
                    deleteQuietly(rest.getValue(), e);
                }
                throw e;
            }
        }
    }

    /** Deletes every staged part; nothing of the transaction stays. */
    public void abort() {
        RuntimeException failure = null;
        for (List<DataPart> parts : finish().values()) {
            for (DataPart part : parts) {
                part.dropResident();
                try {
                    MergeTreeTable.deleteRecursively(part.folder());
                } catch (IOException e) {
                    failure = new UncheckedIOException("cannot delete the staged part " + part.folder(), e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private synchronized Map<MergeTreeTable, List<DataPart>> finish() {
        if (finished) {
            throw new IllegalStateException("transaction " + id + " already ended");
        }
        finished = true;
        return new LinkedHashMap<>(staged);
    }

    /** Deletes staged parts; a failure is added to {@code cause} (or dropped when null: a leftover goes at open). */
    private static void deleteQuietly(List<DataPart> parts, Throwable cause) {
        for (DataPart part : parts) {
            part.dropResident();
            try {
                MergeTreeTable.deleteRecursively(part.folder());
            } catch (IOException e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                }
            }
        }
    }
}
