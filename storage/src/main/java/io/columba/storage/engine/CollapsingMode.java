package io.columba.storage.engine;

import io.columba.storage.block.Block;
import io.columba.storage.column.LongColumn;

/**
 * CollapsingMergeTree(sign): within one key, a row with sign 1 and a row with sign -1 cancel. What is left of a
 * key follows ClickHouse: with more positive rows the last positive one, with more negative rows the first negative
 * one, with as many of each nothing, unless the last row was positive, when both the first negative and the last
 * positive stay (the state is then still open). FINAL keeps only positive rows.
 */
public record CollapsingMode(int signColumn) implements MergingMode {

    @Override
    public Block collapse(Block rows, Block keys, boolean forFinal) {
        int[] starts = KeyRuns.starts(keys);
        LongColumn sign = (LongColumn) rows.column(signColumn).materialize();
        int[] kept = new int[rows.rowCount()];
        int count = 0;
        for (int run = 0; run + 1 < starts.length; run++) {
            int positive = 0;
            int negative = 0;
            int firstNegative = -1;
            int lastPositive = -1;
            boolean lastIsPositive = false;
            for (int row = starts[run]; row < starts[run + 1]; row++) {
                long value = sign.get(row);
                if (value == 1) {
                    positive++;
                    lastPositive = row;
                    lastIsPositive = true;
                } else if (value == -1) {
                    negative++;
                    if (firstNegative < 0) {
                        firstNegative = row;
                    }
                    lastIsPositive = false;
                }
            }
            if (positive == 0 && negative == 0) {
                continue;
            }
            if (lastIsPositive || positive != negative) {
                if (positive <= negative && !forFinal) {
                    kept[count++] = firstNegative;
                }
                if (positive >= negative) {
                    kept[count++] = lastPositive;
                }
            }
        }
        return rows.take(kept, count);
    }
}
