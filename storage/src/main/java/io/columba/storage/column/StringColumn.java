package io.columba.storage.column;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Strings as one byte array plus {@code size + 1} offsets: row i is {@code data[offsets[i], offsets[i+1])}. */
public record StringColumn(byte[] data, int[] offsets, boolean[] nulls, int size) implements Column {

    public int length(int row) {
        return offsets[row + 1] - offsets[row];
    }

    public String getString(int row) {
        return new String(data, offsets[row], length(row), StandardCharsets.UTF_8);
    }

    public byte[] getBytes(int row) {
        return Arrays.copyOfRange(data, offsets[row], offsets[row + 1]);
    }

    /** Compares two rows (possibly of two columns) as unsigned bytes, as ClickHouse orders strings. */
    public static int compare(StringColumn left, int leftRow, StringColumn right, int rightRow) {
        return Arrays.compareUnsigned(
                left.data,
                left.offsets[leftRow],
                left.offsets[leftRow + 1],
                right.data,
                right.offsets[rightRow],
                right.offsets[rightRow + 1]);
    }

    public static boolean equals(StringColumn left, int leftRow, StringColumn right, int rightRow) {
        return Arrays.equals(
                left.data,
                left.offsets[leftRow],
                left.offsets[leftRow + 1],
                right.data,
                right.offsets[rightRow],
                right.offsets[rightRow + 1]);
    }

    @Override
    public Column take(int[] positions, int count) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += length(positions[i]);
        }
        byte[] resultData = new byte[total];
        int[] resultOffsets = new int[count + 1];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            int length = offsets[row + 1] - offsets[row];
            System.arraycopy(data, offsets[row], resultData, at, length);
            at += length;
            resultOffsets[i + 1] = at;
        }
        return new StringColumn(resultData, resultOffsets, Column.takeNulls(nulls, positions, count), count);
    }

    @Override
    public Column slice(int offset, int length) {
        int start = offsets[offset];
        int end = offsets[offset + length];
        byte[] resultData = Arrays.copyOfRange(data, start, end);
        int[] resultOffsets = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            resultOffsets[i] = offsets[offset + i] - start;
        }
        return new StringColumn(resultData, resultOffsets, Column.sliceNulls(nulls, offset, length), length);
    }
}
