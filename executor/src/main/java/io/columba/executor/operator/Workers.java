package io.columba.executor.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The threads that run the parallel pieces of queries (one per core). */
public final class Workers {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "columba-query-" + COUNTER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private Workers() {}

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Starts {@code task} on a pool thread. */
    public static Future<?> submit(Runnable task) {
        return POOL.submit(task);
    }

    /** Runs the tasks in parallel (the first on the calling thread) and returns their results in order. */
    public static <T> List<T> runAll(List<Supplier<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 1; i < tasks.size(); i++) {
            futures.add(POOL.submit(tasks.get(i)::get));
        }
        List<T> results = new ArrayList<>();
        results.add(tasks.get(0).get());
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return results;
    }
}
