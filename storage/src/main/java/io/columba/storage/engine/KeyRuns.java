package io.columba.storage.engine;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ValueEquality;

/** Where runs of equal keys start in key-sorted rows: the unit every engine's merge logic works on. */
public final class KeyRuns {
    private KeyRuns() {}

    /** The first row of each run, then {@code keys.rowCount()}: run {@code i} is {@code [starts[i], starts[i+1])}. */
    public static int[] starts(Block keys) {
        int rows = keys.rowCount();
        int[] starts = new int[rows + 1];
        int runs = 0;
        for (int row = 0; row < rows; row++) {
            if (row == 0 || !sameKey(keys, row - 1, row)) {
                starts[runs++] = row;
            }
        }
        starts[runs] = rows;
        return java.util.Arrays.copyOf(starts, runs + 1);
    }

    private static boolean sameKey(Block keys, int a, int b) {
        for (Column column : keys.columns()) {
            if (!sameValue(column, a, b)) {
                return false;
            }
        }
        return true;
    }

    static boolean sameValue(Column column, int a, int b) {
        return ValueEquality.equal(column, a, column, b);
    }
}
