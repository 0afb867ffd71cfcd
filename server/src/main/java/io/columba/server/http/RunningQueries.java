package io.columba.server.http;

import io.columba.executor.operator.QueryContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The queries HTTP requests are running now, server-wide (what a disconnect cancels, and what is still busy). */
public final class RunningQueries {
    private final Set<QueryContext> running = ConcurrentHashMap.newKeySet();

    void started(QueryContext context) {
        running.add(context);
    }

    void finished(QueryContext context) {
        running.remove(context);
    }

    /** How many queries are running now. */
    public int count() {
        return running.size();
    }
}
