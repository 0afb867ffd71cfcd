package io.columba.executor.operator;

import io.columba.storage.block.Block;

/** A pull-based physical operator: each call returns the next block, or null when done. */
public interface Operator {
    Block next();
}
