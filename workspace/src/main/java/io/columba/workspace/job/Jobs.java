package io.columba.workspace.job;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The jobs of a workspace, newest first: the last {@value #KEPT_JOBS} are kept in memory (Tinybird lists the last
 * 100). Asynchronous jobs ({@link #submit}) run one at a time on a thread of their own, in the order submitted;
 * operations that finish within their request are {@link #completed} jobs, so that polling their {@code job_url}
 * works as on Tinybird.
 */
public final class Jobs implements AutoCloseable {
    static final int KEPT_JOBS = 1000;
    private static final System.Logger LOG = System.getLogger(Jobs.class.getName());

    /** The work of a job: returns what its JSON shows once done; an exception makes the job fail. */
    @FunctionalInterface
    public interface Work {
        Map<String, Object> run(Job job) throws Exception;
    }

    private final Deque<Job> jobs = new ArrayDeque<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "columba-jobs");
        thread.setDaemon(true);
        return thread;
    });

    /** Queues {@code work} as job {@code id} of {@code kind}; answers it while it waits. */
    public Job submit(String kind, String id, Map<String, Object> description, Work work) {
        Job job = add(kind, id, description);
        runner.execute(() -> run(job, work));
        return job;
    }

    /** A job of {@code kind} that already ran in its request and gave {@code result}. */
    public Job completed(String kind, String id, Map<String, Object> description, Map<String, Object> result) {
        Job job = add(kind, id, description);
        job.start();
        job.finish(result);
        return job;
    }

    /** A job of {@code kind} that already failed in its request with {@code error}. */
    public Job failed(String kind, String id, Map<String, Object> description, String error) {
        Job job = add(kind, id, description);
        job.start();
        job.fail(error);
        return job;
    }

    private static void run(Job job, Work work) {
        if (!job.start()) {
            return; // cancelled while waiting
        }
        try {
            job.finish(work.run(job));
        } catch (Exception | Error e) {
            LOG.log(System.Logger.Level.WARNING, "job " + job.id() + " (" + job.kind() + ") failed: " + e);
            job.fail(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private synchronized Job add(String kind, String id, Map<String, Object> description) {
        Job job = new Job(id, kind, description);
        jobs.addFirst(job);
        while (jobs.size() > KEPT_JOBS && jobs.peekLast().finished()) {
            jobs.removeLast();
        }
        return job;
    }

    public synchronized Optional<Job> job(String id) {
        for (Job job : jobs) {
            if (job.id().equals(id)) {
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }

    /** The jobs, newest first. */
    public synchronized List<Job> list() {
        return new ArrayList<>(jobs);
    }

    /** Lets the queued jobs run (up to a minute), then stops the thread. */
    @Override
    public void close() {
        runner.shutdown();
        try {
            if (!runner.awaitTermination(60, TimeUnit.SECONDS)) {
                runner.shutdownNow();
            }
        } catch (InterruptedException e) {
            runner.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
