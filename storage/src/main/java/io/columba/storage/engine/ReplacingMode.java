package io.columba.storage.engine;

import io.columba.storage.block.Block;
import io.columba.storage.column.LongColumn;

/**
 * ReplacingMergeTree([ver[, is_deleted]]): of the rows with one key, keeps the one with the greatest version, the
 * last inserted among equals (or simply the last inserted without a version). With {@code is_deleted}, a kept row
 * whose flag is 1 is a tombstone: merges keep it (a later insert may still need replacing), FINAL drops it.
 *
 * @param versionColumn the version column's index in the row block, or -1
 * @param unsignedVersion whether the version is a UInt64 (compared without sign)
 * @param isDeletedColumn the is_deleted column's index, or -1
 */
public record ReplacingMode(int versionColumn, boolean unsignedVersion, int isDeletedColumn) implements MergingMode {

    @Override
    public Block collapse(Block rows, Block keys, boolean forFinal) {
        int[] starts = KeyRuns.starts(keys);
        int[] kept = new int[starts.length - 1];
        int count = 0;
        LongColumn version = versionColumn < 0
                ? null
                : (LongColumn) rows.column(versionColumn).materialize();
        LongColumn deleted = isDeletedColumn < 0
                ? null
                : (LongColumn) rows.column(isDeletedColumn).materialize();
        for (int run = 0; run + 1 < starts.length; run++) {
            int best = starts[run + 1] - 1;
            if (version != null) {
                best = starts[run];
                for (int row = starts[run] + 1; row < starts[run + 1]; row++) {
                    if (compare(version.get(row), version.get(best)) >= 0) {
                        best = row;
                    }
                }
            }
            if (forFinal && deleted != null && deleted.get(best) != 0) {
                continue;
            }
            kept[count++] = best;
        }
        return count == rows.rowCount() ? rows : rows.take(kept, count);
    }

    private int compare(long a, long b) {
        return unsignedVersion ? Long.compareUnsigned(a, b) : Long.compare(a, b);
    }
}
