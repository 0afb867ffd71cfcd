package io.columba.ingest;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One write lock per table, shared by every writer that must not run between a buffered insert's intent and its
 * outcome: the insert buffer, direct appends, and materialized views writing their target tables. Reentrant, so a
 * writer holding a table's lock may take it again.
 */
public final class TableLocks {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** The lock of {@code table}. */
    public ReentrantLock of(String table) {
        return locks.computeIfAbsent(table, t -> new ReentrantLock());
    }

    /** Runs {@code operation} holding {@code table}'s lock. */
    public <T> T locked(String table, Supplier<T> operation) {
        ReentrantLock lock = of(table);
        lock.lock();
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }
}
