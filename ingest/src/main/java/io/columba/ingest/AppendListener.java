package io.columba.ingest;

/**
 * Told by {@link FileAppender} after each batch it commits, e.g. to show progress: on the thread that inserted the
 * batch, one call at a time.
 */
@FunctionalInterface
public interface AppendListener {
    AppendListener NONE = rowsSoFar -> {};

    /** {@code rowsSoFar}: rows committed by this append so far, this batch included. */
    void batchCommitted(long rowsSoFar);
}
