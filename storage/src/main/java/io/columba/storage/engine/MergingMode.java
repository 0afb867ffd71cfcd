package io.columba.storage.engine;

import io.columba.storage.block.Block;

/**
 * What happens to rows with equal sorting keys when parts merge, and when a query reads with {@code FINAL}: the
 * logic of the MergeTree family's engines (ReplacingMergeTree keeps one row, SummingMergeTree adds them up, and so
 * on). Plain MergeTree keeps every row.
 */
public interface MergingMode {

    /** Plain MergeTree: rows are only re-sorted. */
    MergingMode ORDINARY = new MergingMode() {
        @Override
        public Block collapse(Block rows, Block keys, boolean forFinal) {
            return rows;
        }

        @Override
        public boolean collapses() {
            return false;
        }
    };

    /**
     * Combines runs of rows with equal keys. {@code rows} are sorted by key and, within equal keys, in the order
     * they were inserted; {@code keys} holds their key values. {@code forFinal} is true for {@code SELECT ... FINAL},
     * where engines also drop what only a final result omits (tombstones, cancelled rows).
     */
    Block collapse(Block rows, Block keys, boolean forFinal);

    /** Whether {@link #collapse} can change anything; false lets merges and FINAL skip the key comparison. */
    default boolean collapses() {
        return true;
    }
}
