package io.columba.workspace.job;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One job of the Jobs API: an operation (an import, a delete, a copy) with Tinybird's life cycle
 * {@code waiting -> working -> done | error} ({@code cancelled} when cancelled while waiting), its description
 * (data source, pipe, mode...) and, once done, its result (rows, statistics). Thread-safe.
 */
public final class Job {
    /** The states of a job, named in the API in lower case. */
    public enum Status {
        WAITING,
        WORKING,
        DONE,
        ERROR,
        CANCELLED;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean finished() {
            return this == DONE || this == ERROR || this == CANCELLED;
        }
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final String id;
    private final String kind;
    private final Instant createdAt;
    private final Map<String, Object> description;
    private final Map<String, Object> result = new LinkedHashMap<>();
    private Status status = Status.WAITING;
    private Instant updatedAt;
    private Instant startedAt;
    private String error;
    /** Told of every change of status (the journal of {@link Jobs}); called outside the job's lock. */
    private final java.util.function.Consumer<Job> changed;

    Job(String id, String kind, Map<String, Object> description, java.util.function.Consumer<Job> changed) {
        this(id, kind, description, changed, Instant.now());
    }

    /** A job as {@link #snapshot} wrote it, as it was then. */
    @SuppressWarnings("unchecked")
    static Job restore(Map<String, Object> snapshot, java.util.function.Consumer<Job> changed) {
        Job job = new Job(
                (String) snapshot.get("id"),
                (String) snapshot.get("kind"),
                (Map<String, Object>) snapshot.getOrDefault("description", Map.of()),
                changed,
                Instant.parse((String) snapshot.get("created_at")));
        job.result.putAll((Map<String, Object>) snapshot.getOrDefault("result", Map.of()));
        job.status = Status.valueOf(((String) snapshot.get("status")).toUpperCase(Locale.ROOT));
        job.updatedAt = Instant.parse((String) snapshot.get("updated_at"));
        Object started = snapshot.get("started_at");
        job.startedAt = started == null ? null : Instant.parse((String) started);
        job.error = (String) snapshot.get("error");
        return job;
    }

    private Job(
            String id,
            String kind,
            Map<String, Object> description,
            java.util.function.Consumer<Job> changed,
            Instant createdAt) {
        this.id = id;
        this.kind = kind;
        this.description = new LinkedHashMap<>(description);
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.changed = changed;
    }

    /** Everything {@link #restore} needs, as JSON values. */
    synchronized Map<String, Object> snapshot() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("kind", kind);
        json.put("status", status.apiName());
        json.put("created_at", createdAt.toString());
        json.put("updated_at", updatedAt.toString());
        json.put("started_at", startedAt == null ? null : startedAt.toString());
        json.put("description", new LinkedHashMap<>(description));
        json.put("result", new LinkedHashMap<>(result));
        json.put("error", error);
        return json;
    }

    /** A job the server stopped in the middle of (or before) is failed when it starts again. */
    boolean interruptIfUnfinished() {
        synchronized (this) {
            if (status.finished()) {
                return false;
            }
            error = "the server stopped before this job finished; it did not complete, run it again";
            status = Status.ERROR;
            updatedAt = Instant.now();
        }
        changed.accept(this);
        return true;
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public synchronized Status status() {
        return status;
    }

    /** A value the job was described with ({@code datasource}, {@code pipe_name}...), or null. */
    public synchronized Object described(String name) {
        return description.get(name);
    }

    boolean start() {
        synchronized (this) {
            if (status != Status.WAITING) {
                return false;
            }
            status = Status.WORKING;
            startedAt = Instant.now();
            updatedAt = startedAt;
        }
        changed.accept(this);
        return true;
    }

    void finish(Map<String, Object> values) {
        synchronized (this) {
            result.putAll(values);
            status = Status.DONE;
            updatedAt = Instant.now();
        }
        changed.accept(this);
    }

    void fail(String message) {
        synchronized (this) {
            error = message == null ? "error" : message;
            status = Status.ERROR;
            updatedAt = Instant.now();
        }
        changed.accept(this);
    }

    /** Cancels the job if it has not started; false when it has. */
    public boolean cancel() {
        synchronized (this) {
            if (status != Status.WAITING) {
                return false;
            }
            status = Status.CANCELLED;
            updatedAt = Instant.now();
        }
        changed.accept(this);
        return true;
    }

    synchronized boolean finished() {
        return status.finished();
    }

    /**
     * The job as {@code GET /v0/jobs/<id>} answers it: {@code id}, {@code job_id}, {@code kind}, {@code status},
     * the times, {@code job_url} (under {@code baseUrl}), the description, the result and {@code error}.
     */
    public synchronized Map<String, Object> toJson(String baseUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("job_id", id);
        json.put("kind", kind);
        json.put("status", status.apiName());
        json.put("created_at", TIME.format(createdAt));
        json.put("updated_at", TIME.format(updatedAt));
        json.put("started_at", startedAt == null ? null : TIME.format(startedAt));
        json.put("is_cancellable", status == Status.WAITING);
        json.put("job_url", baseUrl + "/v0/jobs/" + id);
        json.putAll(description);
        json.putAll(result);
        if (error != null) {
            json.put("error", error);
        }
        return json;
    }
}
