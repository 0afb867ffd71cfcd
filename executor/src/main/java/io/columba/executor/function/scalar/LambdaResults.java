package io.columba.executor.function.scalar;

import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.LongColumn;
import io.columba.storage.type.DataType;

/**
 * The results of the higher-order functions that read a lambda as a condition on each element (arrayFilter,
 * arrayCount, arrayFirst, arrayFill, arraySplit, ...), from the arrays and one truth value an element.
 */
final class LambdaResults {
    private LambdaResults() {}

    static Column of(String name, ArrayColumn arrays, long[] truth, DataType result, int rows) {
        return switch (name) {
            case "arrayFilter" -> filter(arrays, truth, rows);
            case "arrayFirst", "arrayLast" -> element(arrays, truth, result, name.equals("arrayLast"), rows);
            case "arrayFirstIndex", "arrayLastIndex" -> index(arrays, truth, name.equals("arrayLastIndex"), rows);
            case "arrayFill", "arrayReverseFill" -> fill(arrays, truth, name.equals("arrayReverseFill"), rows);
            case "arraySplit", "arrayReverseSplit" -> split(arrays, truth, name.equals("arrayReverseSplit"), rows);
            default -> count(name, arrays, truth, rows);
        };
    }

    private static Column filter(ArrayColumn arrays, long[] truth, int rows) {
        int[] offsets = arrays.offsets();
        int[] kept = new int[offsets[rows]];
        int[] keptOffsets = new int[rows + 1];
        int count = 0;
        for (int row = 0; row < rows; row++) {
            for (int i = offsets[row]; i < offsets[row + 1]; i++) {
                if (truth[i] != 0) {
                    kept[count++] = i;
                }
            }
            keptOffsets[row + 1] = count;
        }
        return ArrayKernels.gather(arrays, kept, keptOffsets, rows);
    }

    private static Column count(String name, ArrayColumn arrays, long[] truth, int rows) {
        int[] offsets = arrays.offsets();
        long[] out = new long[rows];
        for (int row = 0; row < rows; row++) {
            long matches = 0;
            for (int i = offsets[row]; i < offsets[row + 1]; i++) {
                matches += truth[i];
            }
            out[row] = switch (name) {
                case "arrayExists" -> matches > 0 ? 1 : 0;
                case "arrayAll" -> matches == arrays.length(row) ? 1 : 0;
                default -> matches;
            };
        }
        return new LongColumn(out, null, rows);
    }

    /** The position of the first (last) element whose truth is set, or -1. */
    private static int find(int[] offsets, long[] truth, int row, boolean last) {
        if (last) {
            for (int i = offsets[row + 1] - 1; i >= offsets[row]; i--) {
                if (truth[i] != 0) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = offsets[row]; i < offsets[row + 1]; i++) {
            if (truth[i] != 0) {
                return i;
            }
        }
        return -1;
    }

    private static Column element(ArrayColumn arrays, long[] truth, DataType type, boolean last, int rows) {
        ColumnBuilder out = ColumnBuilder.forType(type, rows);
        Column fallback = ColumnBuilder.defaults(type, 1);
        for (int row = 0; row < rows; row++) {
            int found = find(arrays.offsets(), truth, row, last);
            if (found < 0) {
                out.appendFrom(fallback, 0);
            } else {
                out.appendFrom(arrays.elements(), found);
            }
        }
        return out.build();
    }

    private static Column index(ArrayColumn arrays, long[] truth, boolean last, int rows) {
        long[] out = new long[rows];
        for (int row = 0; row < rows; row++) {
            int found = find(arrays.offsets(), truth, row, last);
            out[row] = found < 0 ? 0 : found - arrays.offsets()[row] + 1;
        }
        return new LongColumn(out, null, rows);
    }

    private static Column fill(ArrayColumn arrays, long[] truth, boolean reverse, int rows) {
        int[] offsets = arrays.offsets();
        int[] positions = new int[offsets[rows] - offsets[0]];
        int[] relative = new int[rows + 1];
        for (int row = 0; row < rows; row++) {
            int start = offsets[row];
            int end = offsets[row + 1];
            relative[row + 1] = relative[row] + end - start;
            int base = relative[row] - start;
            if (reverse) {
                int current = end - 1;
                for (int i = end - 1; i >= start; i--) {
                    current = truth[i] != 0 || i == end - 1 ? i : current;
                    positions[base + i] = current;
                }
            } else {
                int current = start;
                for (int i = start; i < end; i++) {
                    current = truth[i] != 0 || i == start ? i : current;
                    positions[base + i] = current;
                }
            }
        }
        return ArrayKernels.gather(arrays, positions, relative, rows);
    }

    private static Column split(ArrayColumn arrays, long[] truth, boolean after, int rows) {
        int[] offsets = arrays.offsets();
        int total = offsets[rows] - offsets[0];
        int[] innerOffsets = new int[total + 1];
        int[] outerOffsets = new int[rows + 1];
        int pieces = 0;
        for (int row = 0; row < rows; row++) {
            int start = offsets[row];
            int end = offsets[row + 1];
            for (int i = start; i < end; i++) {
                boolean cut = after ? truth[i] != 0 || i == end - 1 : i + 1 == end || truth[i + 1] != 0;
                if (cut) {
                    innerOffsets[++pieces] = i + 1 - offsets[0];
                }
            }
            outerOffsets[row + 1] = pieces;
        }
        Column elements = arrays.elements().slice(offsets[0], total);
        ArrayColumn inner = new ArrayColumn(java.util.Arrays.copyOf(innerOffsets, pieces + 1), elements, null, pieces);
        return new ArrayColumn(outerOffsets, inner, null, rows);
    }
}
