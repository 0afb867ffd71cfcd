package io.columba.executor.operator;

import io.columba.storage.block.Block;

/**
 * A pull-based physical operator: each call returns the next block, or null when done. {@link #close} ends it early
 * (a LIMIT that has its rows, an error): operators with children or threads pass it on.
 */
public interface Operator {
    Block next();

    /** Stops the work behind this operator; {@link #next} is not called again. Idempotent. */
    default void close() {}
}
