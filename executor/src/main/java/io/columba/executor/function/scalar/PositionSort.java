package io.columba.executor.function.scalar;

/** A stable merge sort of element positions by a comparison of the elements they point at. */
final class PositionSort {
    /** Compares the elements at two positions. */
    @FunctionalInterface
    interface PositionOrder {
        int compare(int left, int right);
    }

    private PositionSort() {}

    /** Sorts {@code positions[from..to)} stably; {@code scratch} is at least as long as {@code positions}. */
    static void sort(int[] positions, int[] scratch, int from, int to, PositionOrder order) {
        if (to - from < 2) {
            return;
        }
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int value = positions[i];
                int j = i - 1;
                while (j >= from && order.compare(positions[j], value) > 0) {
                    positions[j + 1] = positions[j];
                    j--;
                }
                positions[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        sort(positions, scratch, from, middle, order);
        sort(positions, scratch, middle, to, order);
        if (order.compare(positions[middle - 1], positions[middle]) <= 0) {
            return;
        }
        System.arraycopy(positions, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int out = from; out < to; out++) {
            if (right >= to || left < middle && order.compare(scratch[left], scratch[right]) <= 0) {
                positions[out] = scratch[left++];
            } else {
                positions[out] = scratch[right++];
            }
        }
    }
}
