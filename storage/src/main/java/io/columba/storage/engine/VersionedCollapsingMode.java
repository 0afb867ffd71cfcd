package io.columba.storage.engine;

import io.columba.storage.block.Block;
import io.columba.storage.column.LongColumn;

/**
 * VersionedCollapsingMergeTree(sign, version): the version is the last element of the key the rows are sorted by,
 * so rows of one state of one object are adjacent in any insertion order. Within them each row cancels the
 * earliest uncancelled row of the opposite sign; the rows no partner cancels stay, in
 * merges and FINAL alike.
 */
public record VersionedCollapsingMode(int signColumn) implements MergingMode {

    @Override
    public Block collapse(Block rows, Block keys, boolean forFinal) {
        LongColumn sign = (LongColumn) rows.column(signColumn).materialize();
        int[] runStarts = KeyRuns.starts(keys);
        int[] queue = new int[rows.rowCount()];
        int kept = 0;
        for (int run = 1; run < runStarts.length; run++) {
            int runStart = kept;
            int head = kept;
            for (int row = runStarts[run - 1]; row < runStarts[run]; row++) {
                if (kept > head && sign.get(queue[head]) == -sign.get(row)) {
                    head++;
                } else {
                    queue[kept++] = row;
                }
            }
            System.arraycopy(queue, head, queue, runStart, kept - head);
            kept = runStart + (kept - head);
        }
        return rows.take(queue, kept);
    }
}
