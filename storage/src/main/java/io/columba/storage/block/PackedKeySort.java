package io.columba.storage.block;

import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.Arrays;

/**
 * A stable ascending sort of rows by key columns that packs each row's keys and position into one {@code long} and
 * sorts those as primitives: no comparator call per pair of rows. Each integer key becomes its distance from the
 * column's minimum, each string key the rank of its value among the column's few distinct values (compared as
 * unsigned bytes); the row's position in the last bits keeps equal keys in their input order. The order is the
 * one a comparison sort gives (integers by value, UInt64 unsigned, strings as unsigned bytes); it applies only when
 * no key holds a NULL, floats or other vectors, and all of it fits in 63 bits ({@link #sortedOrder} says null
 * otherwise).
 */
public final class PackedKeySort {
    /** Past this many distinct strings in a key a comparison sort is as fast, and ranks take memory. */
    private static final int MAX_DISTINCT_STRINGS = 1 << 12;

    private static final int PACKED_BITS = 63;

    private PackedKeySort() {}

    /**
     * The positions of {@code keys}' rows in ascending key order, equal keys in input order; null when the keys
     * cannot be packed (then sort by comparison).
     */
    public static int[] sortedOrder(Block keys, java.util.List<DataType> types) {
        int rows = keys.rowCount();
        int positionBits = rows <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(rows - 1);
        int columns = keys.columnCount();
        long[][] values = new long[columns][];
        int[] bits = new int[columns];
        int total = positionBits;
        for (int k = 0; k < columns && total <= PACKED_BITS; k++) {
            Column column = keys.column(k);
            long[] normalized = switch (column) {
                case LongColumn longs when longs.nulls() == null -> distances(longs, unsigned64(types.get(k)));
                case StringColumn strings when strings.nulls() == null -> ranks(strings);
                default -> null;
            };
            if (normalized == null) {
                return null;
            }
            values[k] = normalized;
            long largest = normalized.length == 0 ? 0 : normalized[normalized.length - 1];
            bits[k] = 64 - Long.numberOfLeadingZeros(largest);
            total += bits[k];
        }
        if (total > PACKED_BITS) {
            return null;
        }
        long[] packed = new long[rows];
        for (int row = 0; row < rows; row++) {
            long value = 0;
            for (int k = 0; k < columns; k++) {
                value = (value << bits[k]) | values[k][row];
            }
            packed[row] = (value << positionBits) | row;
        }
        if (!isSorted(packed)) {
            Arrays.sort(packed);
        }
        int[] order = new int[rows];
        long positionMask = (1L << positionBits) - 1;
        for (int i = 0; i < rows; i++) {
            order[i] = (int) (packed[i] & positionMask);
        }
        return order;
    }

    private static boolean unsigned64(DataType type) {
        return type.withoutNullable() instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
    }

    private static boolean isSorted(long[] packed) {
        for (int i = 1; i < packed.length; i++) {
            if (packed[i - 1] > packed[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each value's distance from the smallest (unsigned order when {@code unsigned}), with the largest distance
     * appended last; null when the distances do not fit in 62 bits.
     */
    private static long[] distances(LongColumn column, boolean unsigned) {
        int rows = column.size();
        long[] source = column.values();
        long flip = unsigned ? Long.MIN_VALUE : 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int row = 0; row < rows; row++) {
            long value = source[row] ^ flip;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        if (rows > 0 && (max - min < 0 || max - min > Long.MAX_VALUE >>> 1)) {
            return null;
        }
        long[] result = new long[rows + 1];
        for (int row = 0; row < rows; row++) {
            result[row] = (source[row] ^ flip) - min;
        }
        result[rows] = rows == 0 ? 0 : max - min;
        return result;
    }

    /**
     * Each value's rank among the column's distinct values in byte order, with the largest rank appended last;
     * null when there are more than {@link #MAX_DISTINCT_STRINGS} distinct values.
     */
    private static long[] ranks(StringColumn column) {
        int rows = column.size();
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(rows, MAX_DISTINCT_STRINGS) * 2)) * 2;
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        int[] slotOfRow = new int[rows];
        int[] representatives = new int[Math.min(rows, MAX_DISTINCT_STRINGS)];
        int distinct = 0;
        byte[] data = column.data();
        int[] offsets = column.offsets();
        for (int row = 0; row < rows; row++) {
            int slot = hash(data, offsets[row], offsets[row + 1]) & (capacity - 1);
            while (slots[slot] >= 0 && !StringColumn.equals(column, representatives[slots[slot]], column, row)) {
                slot = (slot + 1) & (capacity - 1);
            }
            if (slots[slot] < 0) {
                if (distinct == MAX_DISTINCT_STRINGS) {
                    return null;
                }
                slots[slot] = distinct;
                representatives[distinct++] = row;
            }
            slotOfRow[row] = slots[slot];
        }
        Integer[] byValue = new Integer[distinct];
        for (int i = 0; i < distinct; i++) {
            byValue[i] = i;
        }
        Arrays.sort(byValue, (a, b) -> StringColumn.compare(column, representatives[a], column, representatives[b]));
        long[] rankOf = new long[distinct];
        for (int rank = 0; rank < distinct; rank++) {
            rankOf[byValue[rank]] = rank;
        }
        long[] result = new long[rows + 1];
        for (int row = 0; row < rows; row++) {
            result[row] = rankOf[slotOfRow[row]];
        }
        result[rows] = Math.max(0, distinct - 1);
        return result;
    }

    private static int hash(byte[] data, int from, int to) {
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + data[i];
        }
        return hash ^ (hash >>> 16);
    }
}
