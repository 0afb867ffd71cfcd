package io.columba.storage.part;

import io.columba.storage.block.Block;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.TupleColumn;

/**
 * Where a part's granules start: every {@code index_granularity} rows, or sooner once a granule's values reach
 * {@code index_granularity_bytes} (adaptive granularity: wide rows make short granules, so a granule read stays
 * small). The result holds each granule's first row, then the row count.
 */
public final class Granules {
    private Granules() {}

    /** Fixed granules of {@code granuleRows} rows. */
    public static int[] fixed(int rows, int granuleRows) {
        int granules = (rows + granuleRows - 1) / granuleRows;
        int[] starts = new int[granules + 1];
        for (int g = 0; g < granules; g++) {
            starts[g] = g * granuleRows;
        }
        starts[granules] = rows;
        return starts;
    }

    /** Granules of at most {@code granuleRows} rows and about {@code granuleBytes} bytes (0: no byte limit). */
    public static int[] adaptive(Block rows, int granuleRows, long granuleBytes) {
        int count = rows.rowCount();
        if (granuleBytes <= 0) {
            return fixed(count, granuleRows);
        }
        long[] rowBytes = new long[count];
        for (Column column : rows.columns()) {
            addBytes(column, rowBytes);
        }
        int[] starts = new int[count + 1];
        int granules = 0;
        int start = 0;
        long bytes = 0;
        for (int row = 0; row < count; row++) {
            if (row > start && (row - start >= granuleRows || bytes + rowBytes[row] > granuleBytes)) {
                starts[granules++] = start;
                start = row;
                bytes = 0;
            }
            bytes += rowBytes[row];
        }
        if (count > 0) {
            starts[granules++] = start;
        }
        starts[granules] = count;
        return java.util.Arrays.copyOf(starts, granules + 1);
    }

    /** Adds each row's encoded size in {@code column} (about: fixed widths, string lengths, array elements). */
    private static void addBytes(Column column, long[] rowBytes) {
        Column plain = column instanceof ConstantColumn constant ? constant.materialize() : column;
        switch (plain) {
            case StringColumn strings -> {
                for (int row = 0; row < rowBytes.length; row++) {
                    rowBytes[row] += strings.length(row) + 1;
                }
            }
            case ArrayColumn arrays -> {
                long[] elements = new long[arrays.elements().size()];
                addBytes(arrays.elements(), elements);
                for (int row = 0; row < rowBytes.length; row++) {
                    rowBytes[row] += 1;
                    for (int e = arrays.offsets()[row]; e < arrays.offsets()[row + 1]; e++) {
                        rowBytes[row] += elements[e];
                    }
                }
            }
            case TupleColumn tuples -> tuples.elements().forEach(element -> addBytes(element, rowBytes));
            default -> {
                for (int row = 0; row < rowBytes.length; row++) {
                    rowBytes[row] += 8;
                }
            }
        }
    }
}
