package io.columba.server.http;

import io.columba.executor.QuerySettings;
import io.columba.executor.operator.QueryContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The queries one HTTP request runs, cancelled together when its client closes the connection: each query's
 * {@link QueryContext} comes from {@link #start}, and {@link #cancel} makes every running and later one fail with
 * QUERY_WAS_CANCELLED at its next block. {@link #NONE} (requests made in process) is never cancelled.
 */
public final class Cancellation {
    public static final Cancellation NONE = new Cancellation(null);

    private final RunningQueries registry;
    private final List<QueryContext> running = new ArrayList<>();
    private boolean cancelled;

    public Cancellation(RunningQueries registry) {
        this.registry = registry;
    }

    /** A context for a query about to run with {@code settings}; pass it to {@link #finished} when it ends. */
    public QueryContext start(QuerySettings settings) {
        QueryContext context = new QueryContext(settings);
        if (this == NONE) {
            return context;
        }
        synchronized (this) {
            if (cancelled) {
                context.cancel();
            }
            running.add(context);
        }
        registry.started(context);
        return context;
    }

    /** The query of {@code context} ended, however. */
    public void finished(QueryContext context) {
        if (this == NONE) {
            return;
        }
        synchronized (this) {
            running.remove(context);
        }
        registry.finished(context);
    }

    /** Cancels the running queries and any started later. */
    public void cancel() {
        List<QueryContext> toCancel;
        synchronized (this) {
            cancelled = true;
            toCancel = List.copyOf(running);
        }
        for (QueryContext context : toCancel) {
            context.cancel();
        }
    }
}
