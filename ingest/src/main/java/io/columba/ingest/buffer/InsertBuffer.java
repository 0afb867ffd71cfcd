package io.columba.ingest.buffer;

import io.columba.executor.Database;
import io.columba.ingest.Inserter;
import io.columba.ingest.TableLocks;
import io.columba.ingest.log.InsertLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Buffers acknowledged rows and inserts them into their tables in bigger batches, with a write-ahead log so that
 * a row acknowledged is inserted exactly once whatever stops the process:
 *
 * <ol>
 *   <li>{@link #submit} appends the rows to the {@link InsertLog} and syncs it (group commit) before returning:
 *       from then on the caller may acknowledge them;
 *   <li>a flusher thread inserts a table's pending rows once they reach {@link BufferSettings#flushBytes}, the
 *       oldest has waited {@link BufferSettings#flushDelay}, or a client waits for them, writing an intent
 *       before and an applied record after each insert;
 *   <li>on opening, rows logged but not applied are inserted again, except those of an insert that committed
 *       just before the process stopped (told from the table's part block numbers, see {@link LogRecovery}).
 * </ol>
 */
public final class InsertBuffer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(InsertBuffer.class.getName());
    private static final long RETRY_PAUSE_MILLIS = 200;

    private final InsertLog log;
    private final BufferSettings settings;
    private final BatchApplier applier;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private final Map<String, PendingTable> pending = new LinkedHashMap<>();
    private final Thread flusher;
    private long pendingBytes;
    private boolean closed;
    private boolean shutDown;

    private InsertBuffer(
            Database database,
            InsertLog log,
            Path folder,
            BufferSettings settings,
            Inserter inserter,
            TableLocks locks) {
        this.log = log;
        this.settings = settings;
        this.applier = new BatchApplier(database, log, folder.resolve("rejected"), inserter, locks);
        this.flusher = new Thread(this::runFlusher, "columba-insert-buffer");
        this.flusher.setDaemon(true);
    }

    /**
     * Opens the buffer with its log in {@code folder} and inserts what an earlier run acknowledged but did not
     * insert; returns once that is done. The tables the log names must exist.
     */
    public static InsertBuffer open(Database database, Path folder, BufferSettings settings) {
        return open(database, folder, settings, Inserter.DIRECT, new TableLocks());
    }

    /**
     * Opens the buffer as {@link #open(Database, Path, BufferSettings)} does, inserting through {@code inserter}
     * and serializing the writers of a table with {@code locks}.
     */
    public static InsertBuffer open(
            Database database, Path folder, BufferSettings settings, Inserter inserter, TableLocks locks) {
        InsertLog log = InsertLog.open(folder, settings.segmentBytes());
        InsertBuffer buffer = new InsertBuffer(database, log, folder, settings, inserter, locks);
        try {
            buffer.recover(database);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        buffer.flusher.start();
        return buffer;
    }

    private void recover(Database database) {
        Map<String, List<PendingRows>> byTable = new LinkedHashMap<>();
        for (PendingRows rows : LogRecovery.pendingRows(log, database)) {
            byTable.computeIfAbsent(rows.table, t -> new ArrayList<>()).add(rows);
        }
        for (Map.Entry<String, List<PendingRows>> table : byTable.entrySet()) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "inserting " + table.getValue().size() + " logged batches into " + table.getKey());
            for (PendingRows retry : applier.apply(table.getKey(), table.getValue())) {
                enqueue(retry, false);
            }
        }
        log.deleteAppliedSegments();
    }

    /**
     * Logs {@code batches} durably, then queues them for insertion. Returns once they are durable; the future
     * completes once all are in their tables. {@code waited}: a client waits for that, so insert them now.
     */
    public CompletableFuture<Void> submit(List<TableRows> batches, boolean waited) {
        long bytes = 0;
        for (TableRows batch : batches) {
            bytes += batch.block() == null ? batch.rows().length() : PendingRows.bytes(batch.block());
        }
        awaitRoom(bytes);
        List<PendingRows> logged = new ArrayList<>();
        long last = 0;
        for (TableRows batch : batches) {
            if (batch.rowCount() == 0) {
                continue;
            }
            last = batch.block() == null
                    ? log.appendRows(batch.table(), batch.rowCount(), batch.columns(), batch.rows())
                    : log.appendBlock(batch.table(), batch.columns(), batch.types(), batch.block());
            logged.add(PendingRows.of(last, batch));
        }
        if (logged.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        log.sync(last);
        List<CompletableFuture<Void>> applied = new ArrayList<>();
        for (PendingRows rows : logged) {
            enqueue(rows, waited);
            applied.add(rows.applied);
        }
        return CompletableFuture.allOf(applied.toArray(CompletableFuture[]::new));
    }

    /** Inserts {@code table}'s pending rows now, on the calling thread. */
    public void flush(String table) {
        List<PendingRows> batch;
        lock.lock();
        try {
            PendingTable rows = pending.get(table);
            batch = rows == null ? List.of() : rows.takeAll();
        } finally {
            lock.unlock();
        }
        if (!batch.isEmpty()) {
            applyAndRequeue(table, batch);
        }
    }

    /**
     * Runs {@code operation} (a replace, truncate or delete) after inserting {@code table}'s pending rows, holding
     * the table's write lock so that no buffered insert runs meanwhile.
     */
    public <T> T exclusively(String table, Supplier<T> operation) {
        ReentrantLock tableLock = applier.lock(table);
        tableLock.lock();
        try {
            flush(table);
            return operation.get();
        } finally {
            tableLock.unlock();
        }
    }

    /**
     * Runs {@code operation} (a direct insert into {@code table}) holding the table's write lock, so that it never
     * runs between a buffered insert's intent and its outcome. Pending rows stay pending.
     */
    public <T> T locked(String table, Supplier<T> operation) {
        ReentrantLock tableLock = applier.lock(table);
        tableLock.lock();
        try {
            return operation.get();
        } finally {
            tableLock.unlock();
        }
    }

    /**
     * Publishes an {@link io.columba.storage.engine.InsertTransaction}'s parts of each table holding that table's
     * write lock, as a direct insert would insert them (a table's folder is named after it).
     */
    public io.columba.storage.engine.InsertTransaction.Publisher publisher() {
        return (tableFolder, publication) -> locked(tableFolder.getFileName().toString(), () -> {
            publication.run();
            return null;
        });
    }

    private void awaitRoom(long bytes) {
        lock.lock();
        try {
            while (!closed && pendingBytes > 0 && pendingBytes + bytes > settings.maxPendingBytes()) {
                drained.await();
            }
            if (closed) {
                throw new IllegalStateException("the insert buffer is closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the insert buffer to drain", e);
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(PendingRows rows, boolean waited) {
        lock.lock();
        try {
            pending.computeIfAbsent(rows.table, t -> new PendingTable()).add(rows, System.nanoTime(), waited);
            pendingBytes += rows.bytes();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void runFlusher() {
        while (true) {
            String table = null;
            List<PendingRows> batch = null;
            lock.lock();
            try {
                while (batch == null) {
                    if (closed) {
                        return;
                    }
                    long now = System.nanoTime();
                    long wait = Long.MAX_VALUE;
                    for (Map.Entry<String, PendingTable> entry : pending.entrySet()) {
                        long due = entry.getValue()
                                .nanosUntilDue(
                                        now,
                                        settings.flushBytes(),
                                        settings.flushDelay().toNanos());
                        if (due <= 0) {
                            table = entry.getKey();
                            batch = entry.getValue().takeAll();
                            break;
                        }
                        wait = Math.min(wait, due);
                    }
                    if (batch == null) {
                        awaitChange(wait);
                    }
                }
            } finally {
                lock.unlock();
            }
            applyAndRequeue(table, batch);
        }
    }

    private void awaitChange(long nanos) {
        try {
            if (nanos == Long.MAX_VALUE) {
                changed.await();
            } else {
                changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void applyAndRequeue(String table, List<PendingRows> batch) {
        List<PendingRows> retry;
        try {
            retry = applier.apply(table, batch);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot insert logged rows into " + table + ", will retry", e);
            retry = batch;
        }
        long done = 0;
        for (PendingRows rows : batch) {
            done += rows.bytes();
        }
        for (PendingRows rows : retry) {
            done -= rows.bytes();
        }
        lock.lock();
        try {
            pendingBytes -= done;
            for (PendingRows rows : retry) {
                // Retried after the pause below, without waiting for the flush delay.
                pending.computeIfAbsent(table, t -> new PendingTable()).add(rows, System.nanoTime(), true);
            }
            drained.signalAll();
        } finally {
            lock.unlock();
        }
        if (!retry.isEmpty()) {
            pause();
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the flusher, inserts every pending row (rows that still fail stay in the log), closes the log. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (shutDown) {
                return;
            }
            shutDown = true;
            closed = true;
            changed.signalAll();
            drained.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            flusher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> tables;
        lock.lock();
        try {
            tables = new ArrayList<>(pending.keySet());
        } finally {
            lock.unlock();
        }
        for (String table : tables) {
            flush(table);
        }
        log.close();
    }
}
