package io.columba.executor.operator;

import io.columba.storage.block.Block;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs pipelines over consecutive chunks of a table on worker threads and returns their blocks in chunk order, so
 * the rows come out as one thread would read them. Workers stay at most a few chunks ahead of the consumer, which
 * bounds the memory held; {@link #close} (a LIMIT that has its rows, an error) stops them at their next block and
 * waits for them.
 */
public final class GatherOperator implements Operator {
    private final List<Operator> chunks;
    private final int threads;
    private final int window;
    private final Object lock = new Object();
    /** The blocks of each finished chunk until the consumer takes them. Guarded by {@link #lock}. */
    private final List<List<Block>> finished;

    private final List<Future<?>> running = new ArrayList<>();
    private int nextChunk;
    private int consumed;
    private volatile boolean cancelled;
    private Throwable failure;
    private Iterator<Block> current;

    /** {@code chunks} in table order, run by up to {@code threads} workers. */
    public GatherOperator(List<Operator> chunks, int threads) {
        this.chunks = List.copyOf(chunks);
        this.threads = Math.max(1, Math.min(threads, chunks.size()));
        this.window = 2 * this.threads;
        this.finished = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            finished.add(null);
        }
    }

    @Override
    public Block next() {
        if (running.isEmpty() && !cancelled) {
            for (int t = 0; t < threads; t++) {
                running.add(Workers.submit(this::work));
            }
        }
        while (true) {
            if (current != null && current.hasNext()) {
                return current.next();
            }
            synchronized (lock) {
                if (current != null) {
                    finished.set(consumed, null);
                    consumed++;
                    current = null;
                    lock.notifyAll();
                }
                while (failure == null && !cancelled && consumed < chunks.size() && finished.get(consumed) == null) {
                    waitFor();
                }
                if (failure != null) {
                    throw rethrow(failure);
                }
                if (cancelled || consumed >= chunks.size()) {
                    break;
                }
                current = finished.get(consumed).iterator();
            }
        }
        close();
        return null;
    }

    /** A worker: takes the next chunk within the window, drains its pipeline, hands the blocks over. */
    private void work() {
        while (true) {
            int chunk;
            synchronized (lock) {
                while (!cancelled && nextChunk < chunks.size() && nextChunk >= consumed + window) {
                    waitFor();
                }
                if (cancelled || nextChunk >= chunks.size()) {
                    return;
                }
                chunk = nextChunk++;
            }
            Operator pipeline = chunks.get(chunk);
            List<Block> blocks = new ArrayList<>();
            try {
                for (Block block = pipeline.next(); block != null && !cancelled; block = pipeline.next()) {
                    blocks.add(block);
                }
            } catch (RuntimeException | Error e) {
                synchronized (lock) {
                    if (failure == null) {
                        failure = e;
                    }
                    lock.notifyAll();
                }
                return;
            } finally {
                pipeline.close();
            }
            synchronized (lock) {
                finished.set(chunk, blocks);
                lock.notifyAll();
            }
        }
    }

    private void waitFor() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
            lock.notifyAll();
            throw new ColumbaException(ErrorCode.QUERY_WAS_CANCELLED, "Query was cancelled");
        }
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) failure;
    }

    @Override
    public void close() {
        synchronized (lock) {
            cancelled = true;
            lock.notifyAll();
        }
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                // A worker's failure reached the consumer through `failure`; nothing is left to stop.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        running.clear();
    }
}
