package io.columba.workspace.job;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The jobs of a workspace, newest first: the last {@value #KEPT_JOBS} are kept (Tinybird lists the last 100).
 * Asynchronous jobs ({@link #submit}) run one at a time on a thread of their own, in the order submitted;
 * operations that finish within their request are {@link #completed} jobs, so that polling their {@code job_url}
 * works as on Tinybird. With a journal ({@link #open}) every change of a job is appended to it as a JSON line, so
 * the jobs and their results survive a restart (or a {@code kill -9}: the lines are in the page cache once written);
 * a job that was waiting or working when the server stopped is then failed, saying so, not left "working" forever.
 */
public final class Jobs implements AutoCloseable {
    static final int KEPT_JOBS = 1000;
    private static final System.Logger LOG = System.getLogger(Jobs.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The work of a job: returns what its JSON shows once done; an exception makes the job fail. */
    @FunctionalInterface
    public interface Work {
        Map<String, Object> run(Job job) throws Exception;
    }

    private final Deque<Job> jobs = new ArrayDeque<>();
    /** The journal, or null when the jobs are kept in memory only. */
    private final Path journal;
    /** Guards the journal's writer and line count. */
    private final Object journalLock = new Object();

    private Writer journalWriter;
    private int journalLines;

    /** Jobs kept in memory only. */
    public Jobs() {
        this.journal = null;
    }

    private Jobs(Path journal) {
        this.journal = journal;
    }

    /**
     * The jobs recorded in {@code journal} (created when missing), which records every change from now on. A line
     * cut short by a crash is skipped.
     */
    public static Jobs open(Path journal) {
        Jobs opened = new Jobs(journal);
        Map<String, Map<String, Object>> latest = new LinkedHashMap<>();
        if (Files.exists(journal)) {
            try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    try {
                        Map<String, Object> snapshot = JSON.readValue(line, new TypeReference<>() {});
                        latest.put((String) snapshot.get("id"), snapshot);
                    } catch (IOException | RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "skipped a damaged line of " + journal + ": " + e);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the jobs journal " + journal, e);
            }
        }
        List<Job> restored = new ArrayList<>();
        for (Map<String, Object> snapshot : latest.values()) {
            try {
                restored.add(Job.restore(snapshot, opened::record));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "skipped a damaged job of " + journal + ": " + e);
            }
        }
        restored.sort(Comparator.comparing(Job::createdAt));
        synchronized (opened) {
            for (Job job : restored) {
                opened.jobs.addFirst(job);
            }
            while (opened.jobs.size() > KEPT_JOBS) {
                opened.jobs.removeLast();
            }
        }
        opened.rewriteJournal();
        for (Job job : opened.list()) {
            job.interruptIfUnfinished();
        }
        return opened;
    }

    /** Appends the job as it is now to the journal; rewrites the journal when most of its lines are stale. */
    private void record(Job job) {
        if (journal == null) {
            return;
        }
        synchronized (journalLock) {
            try {
                if (journalWriter == null) {
                    return; // closed
                }
                journalWriter.write(JSON.writeValueAsString(job.snapshot()));
                journalWriter.write('\n');
                journalWriter.flush();
                journalLines++;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot record job " + job.id() + " in " + journal + ": " + e);
                return;
            }
        }
        if (journalLines > 4 * KEPT_JOBS) {
            rewriteJournal();
        }
    }

    /** Writes the kept jobs to a new journal that replaces the old one at once. */
    private void rewriteJournal() {
        List<Job> kept = list();
        synchronized (journalLock) {
            try {
                if (journalWriter != null) {
                    journalWriter.close();
                }
                Path next = journal.resolveSibling(journal.getFileName() + ".next");
                try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                    for (int i = kept.size() - 1; i >= 0; i--) {
                        out.write(JSON.writeValueAsString(kept.get(i).snapshot()));
                        out.write('\n');
                    }
                }
                Files.move(next, journal, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                journalWriter = Files.newBufferedWriter(
                        journal, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                journalLines = kept.size();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the jobs journal " + journal, e);
            }
        }
    }

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

    private Job add(String kind, String id, Map<String, Object> description) {
        Job job = new Job(id, kind, description, this::record);
        synchronized (this) {
            jobs.addFirst(job);
            while (jobs.size() > KEPT_JOBS && jobs.peekLast().finished()) {
                jobs.removeLast();
            }
        }
        record(job);
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
        if (journal != null) {
            synchronized (journalLock) {
                try {
                    if (journalWriter != null) {
                        journalWriter.close();
                    }
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot close " + journal + ": " + e);
                }
                journalWriter = null;
            }
        }
    }
}
