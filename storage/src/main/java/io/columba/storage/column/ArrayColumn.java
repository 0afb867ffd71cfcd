package io.columba.storage.column;

/**
 * Arrays (and maps) of a row each: row i holds {@code elements[offsets[i], offsets[i+1])}; {@code offsets} has
 * {@code size + 1} entries starting at 0 and {@code elements} exactly {@code offsets[size]} rows.
 */
public record ArrayColumn(int[] offsets, Column elements, boolean[] nulls, int size) implements Column {

    public int length(int row) {
        return offsets[row + 1] - offsets[row];
    }

    @Override
    public Column take(int[] positions, int count) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += length(positions[i]);
        }
        int[] elementPositions = new int[total];
        int[] resultOffsets = new int[count + 1];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            for (int element = offsets[row]; element < offsets[row + 1]; element++) {
                elementPositions[at++] = element;
            }
            resultOffsets[i + 1] = at;
        }
        return new ArrayColumn(
                resultOffsets,
                elements.take(elementPositions, total),
                Column.takeNulls(nulls, positions, count),
                count);
    }

    @Override
    public Column slice(int offset, int length) {
        int start = offsets[offset];
        int[] resultOffsets = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            resultOffsets[i] = offsets[offset + i] - start;
        }
        return new ArrayColumn(
                resultOffsets,
                elements.slice(start, resultOffsets[length]),
                Column.sliceNulls(nulls, offset, length),
                length);
    }
}
