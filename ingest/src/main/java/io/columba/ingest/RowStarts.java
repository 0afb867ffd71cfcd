package io.columba.ingest;

import java.util.Arrays;

/** Where each row of a batch of CSV or TSV bytes starts, and on which line of the file. */
final class RowStarts {
    private int[] offsets = new int[1024];
    private long[] lines = new long[1024];
    private int count;

    void add(int offset, long line) {
        if (count + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
            lines = Arrays.copyOf(lines, lines.length * 2);
        }
        offsets[count] = offset;
        lines[count] = line;
        count++;
    }

    /** Marks the end of the last row. */
    void end(int offset) {
        offsets[count] = offset;
    }

    int count() {
        return count;
    }

    /** The first byte of row {@code row}; {@code start(count())} is the end of the batch. */
    int start(int row) {
        return offsets[row];
    }

    long line(int row) {
        return lines[row];
    }
}
