package io.columba.storage.engine;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;

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
        boolean nullA = column.isNull(a);
        boolean nullB = column.isNull(b);
        if (nullA || nullB) {
            return nullA == nullB;
        }
        return switch (column) {
            case LongColumn longs -> longs.get(a) == longs.get(b);
            case DoubleColumn doubles -> Double.compare(doubles.get(a), doubles.get(b)) == 0;
            case StringColumn strings -> StringColumn.equals(strings, a, strings, b);
            case ConstantColumn constant -> true;
        };
    }
}
