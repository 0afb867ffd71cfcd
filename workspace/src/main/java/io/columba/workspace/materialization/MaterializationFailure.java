package io.columba.workspace.materialization;

import java.time.Instant;

/**
 * A materialized view that failed on an insert: when, which view, the table inserted into, the view's target and
 * the error. The insert into {@code source} stands; {@code target} did not get the view's rows for it.
 */
public record MaterializationFailure(Instant time, String pipe, String source, String target, String error) {}
