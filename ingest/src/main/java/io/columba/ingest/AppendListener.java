package io.columba.ingest;

/**
 * Told by {@link FileAppender} after each batch it writes, e.g. to show progress: on the thread that inserted the
 * batch, one call at a time. (The batches of an append are published together once the last is written.)
 */
@FunctionalInterface
public interface AppendListener {
    AppendListener NONE = rowsSoFar -> {};

    /** {@code rowsSoFar}: rows written by this append so far, this batch included. */
    void batchCommitted(long rowsSoFar);
}
