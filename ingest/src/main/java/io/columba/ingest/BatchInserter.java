package io.columba.ingest;

import io.columba.executor.Database;
import io.columba.storage.engine.InsertTransaction;
import io.columba.storage.error.ColumbaException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the INSERT of each batch {@link FileAppender} cuts: on the calling thread (parallelism 1, batches commit in
 * file order), or on {@code parallelism} worker threads while the caller reads the next batch. In parallel, at most
 * {@code parallelism} batches run at once; after a failure no new batch starts, and {@link #finish()} reports the
 * failure of the earliest batch once the running ones are done. Workers stage their parts in the caller's
 * {@link InsertTransaction}, if any.
 */
final class BatchInserter implements AutoCloseable {
    private final Database database;
    private final int parallelism;
    private final AppendListener listener;
    private final InsertTransaction transaction;
    private final ExecutorService workers;
    private final Semaphore slots;
    private long appended;
    private Throwable failure;
    private long failedLine = Long.MAX_VALUE;

    BatchInserter(Database database, int parallelism, AppendListener listener, InsertTransaction transaction) {
        this.database = database;
        this.parallelism = parallelism;
        this.listener = listener;
        this.transaction = transaction;
        this.slots = new Semaphore(parallelism);
        this.workers = parallelism == 1
                ? null
                : Executors.newFixedThreadPool(parallelism, task -> {
                    Thread thread = new Thread(task, "columba-append");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** One batch's insert, returning the rows it inserted. */
    @FunctionalInterface
    interface Insert {
        long run(Database database);
    }

    /** Inserts (or starts inserting) one batch read from line {@code firstLine} on. */
    void submit(Insert batch, long firstLine) {
        if (workers == null) {
            insert(batch, firstLine);
            throwFailure();
            return;
        }
        acquire(slots, 1);
        if (hasFailed()) {
            slots.release();
            finish();
        }
        workers.execute(() -> {
            try {
                if (transaction == null) {
                    insert(batch, firstLine);
                } else {
                    transaction.run(() -> insert(batch, firstLine));
                }
            } catch (RuntimeException | Error e) {
                fail(e, firstLine);
            } finally {
                slots.release();
            }
        });
    }

    /** Waits for the running batches; returns the rows appended, or throws the earliest batch's failure. */
    long finish() {
        acquire(slots, parallelism);
        slots.release(parallelism);
        throwFailure();
        synchronized (this) {
            return appended;
        }
    }

    /** Waits for the running batches and stops the workers. */
    @Override
    public void close() {
        if (workers == null) {
            return;
        }
        workers.shutdown();
        try {
            workers.awaitTermination(1, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Void insert(Insert batch, long firstLine) {
        long rows;
        try {
            rows = batch.run(database);
        } catch (ColumbaException e) {
            fail(e, firstLine);
            return null;
        }
        synchronized (this) {
            appended += rows;
            listener.batchCommitted(appended);
        }
        return null;
    }

    private synchronized void fail(Throwable e, long firstLine) {
        if (firstLine < failedLine) {
            failure = e;
            failedLine = firstLine;
        }
    }

    private synchronized boolean hasFailed() {
        return failure != null;
    }

    private synchronized void throwFailure() {
        switch (failure) {
            case null -> {
                return;
            }
            case ColumbaException columba -> throw withPlace(columba);
            case RuntimeException unexpected -> throw unexpected;
            case Error error -> throw error;
            default -> throw new IllegalStateException(failure);
        }
    }

    private ColumbaException withPlace(ColumbaException cause) {
        String others = workers == null ? "" : ", even those read and inserted in parallel";
        return new ColumbaException(
                cause.errorCode(),
                cause.getMessage() + " (in the batch starting on line " + failedLine
                        + "; the append changed nothing: no row of its batches was appended" + others + ")",
                cause);
    }

    private static void acquire(Semaphore semaphore, int permits) {
        try {
            semaphore.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending", e);
        }
    }
}
