package io.columba.storage.engine;

import io.columba.storage.block.Block;

/**
 * The table's sorting key, evaluated by whoever owns the key expressions (the executor): storage needs it to
 * merge parts, which re-sorts their rows by key.
 */
public interface SortingKey {

    /** The key values of the rows: one column per key expression. */
    Block evaluate(Block rows);

    /** A stable order of the rows by their key values. */
    int[] sortedOrder(Block keys);

    /**
     * The positions of the table columns {@link #evaluate} reads (the others may be placeholders), or null when it
     * may read any of them.
     */
    default int[] columnsUsed() {
        return null;
    }
}
