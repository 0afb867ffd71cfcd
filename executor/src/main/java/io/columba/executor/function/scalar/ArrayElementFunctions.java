package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.executor.function.aggregate.RowKeys;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.ValueOrder;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Functions over the elements of each array: arraySort, arrayReverseSort, arrayDistinct, arrayCompact,
 * arrayEnumerate, arrayEnumerateUniq, arrayCumSum and countEqual.
 */
public final class ArrayElementFunctions {
    private ArrayElementFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                        "arraySort",
                        "The elements in ascending order, NaN and NULL last; with a lambda first, ordered by the"
                                + " lambda's values.",
                        "SELECT arraySort([3, 1, 2]), arraySort(x -> -x, [3, 1, 2])",
                        (types, args) -> bindSort("arraySort", types, false)),
                SimpleScalarFunction.of(
                        "arrayReverseSort",
                        "The elements in descending order, NaN and NULL last; with a lambda first, ordered by the"
                                + " lambda's values.",
                        "SELECT arrayReverseSort([3, 1, 2])",
                        (types, args) -> bindSort("arrayReverseSort", types, true)),
                SimpleScalarFunction.of(
                        "arrayDistinct",
                        "The distinct non-NULL elements, in the order first met.",
                        "SELECT arrayDistinct([1, 2, 1, 3])",
                        (types, args) -> bindDistinct(types)),
                SimpleScalarFunction.of(
                        "arrayCompact",
                        "The array with runs of equal consecutive elements reduced to one.",
                        "SELECT arrayCompact([1, 1, 2, 2, 1])",
                        (types, args) -> bindCompact(types)),
                SimpleScalarFunction.of(
                        "arrayEnumerate",
                        "The positions 1..length of the array's elements.",
                        "SELECT arrayEnumerate([10, 20, 30])",
                        (types, args) -> bindEnumerate(types)),
                SimpleScalarFunction.of(
                        "arrayEnumerateUniq",
                        "For each element, how many times it (the tuple of elements at that position, over several"
                                + " arrays) has occurred so far, itself included.",
                        "SELECT arrayEnumerateUniq([1, 1, 2, 1])",
                        (types, args) -> bindEnumerateUniq(types)),
                SimpleScalarFunction.of(
                        "arrayCumSum",
                        "The running sums of the elements (UInt64, Int64 or Float64); with a lambda first, of the"
                                + " lambda's values.",
                        "SELECT arrayCumSum([1, 2, 3])",
                        (types, args) -> bindCumSum(types)),
                SimpleScalarFunction.of(
                                "countEqual",
                                "How many elements equal the value (NULL counts NULLs).",
                                "SELECT countEqual([1, 2, 1], 1)",
                                (types, args) -> bindCountEqual(types))
                        .seeingNulls());
    }

    private static Binding bindSort(String name, List<DataType> types, boolean descending) {
        Operands.expectCount(name, types, 1, 1);
        DataType element = ArrayKernels.element(name, types, 1);
        return new Binding(types.get(0), (columns, rows) -> {
            ArrayColumn arrays = ArrayKernels.plain(columns[0], rows);
            return sort(arrays, arrays.elements(), element, descending, rows);
        });
    }

    /** The arrays with each one's elements ordered by {@code keys} (a column aligned with the elements). */
    static ArrayColumn sort(ArrayColumn arrays, Column keys, DataType keyType, boolean descending, int rows) {
        int[] offsets = arrays.offsets();
        int[] positions = new int[offsets[rows]];
        int[] scratch = new int[offsets[rows]];
        for (int i = offsets[0]; i < offsets[rows]; i++) {
            positions[i] = i;
        }
        PositionSort.PositionOrder order = (left, right) -> {
            int rankLeft = rank(keys, left);
            int rankRight = rank(keys, right);
            if (rankLeft != 0 || rankRight != 0) {
                return Integer.compare(rankLeft, rankRight);
            }
            int compared = ValueOrder.compare(keys, left, keys, right, keyType);
            return descending ? -compared : compared;
        };
        for (int row = 0; row < rows; row++) {
            PositionSort.sort(positions, scratch, offsets[row], offsets[row + 1], order);
        }
        int[] relative = new int[rows + 1];
        for (int row = 0; row <= rows; row++) {
            relative[row] = offsets[row] - offsets[0];
        }
        int[] taken = java.util.Arrays.copyOfRange(positions, offsets[0], offsets[rows]);
        return ArrayKernels.gather(arrays, taken, relative, rows);
    }

    /** 0 for an ordinary value, 1 for NaN, 2 for NULL: the last two sort last in either direction. */
    private static int rank(Column keys, int position) {
        if (keys.isNull(position)) {
            return 2;
        }
        return keys instanceof DoubleColumn doubles && Double.isNaN(doubles.get(position)) ? 1 : 0;
    }

    private static Binding bindDistinct(List<DataType> types) {
        Operands.expectCount("arrayDistinct", types, 1, 1);
        DataType element = ArrayKernels.element("arrayDistinct", types, 1);
        RowKeys.checkScalar("arrayDistinct", element);
        return new Binding(types.get(0), (columns, rows) -> {
            Set<Object> seen = new HashSet<>();
            return ArrayKernels.keep(ArrayKernels.plain(columns[0], rows), rows, (elements, start, i) -> {
                if (i == start) {
                    seen.clear();
                }
                return !elements.isNull(i) && seen.add(distinctKey(elements, i));
            });
        });
    }

    /** A hashable value: floats by their bits, so -0 and 0 stay apart as in ClickHouse's arrayDistinct. */
    private static Object distinctKey(Column elements, int position) {
        return elements instanceof DoubleColumn doubles
                ? (Object) Double.doubleToRawLongBits(doubles.get(position))
                : RowKeys.value(elements, position);
    }

    private static Binding bindCompact(List<DataType> types) {
        Operands.expectCount("arrayCompact", types, 1, 1);
        ArrayKernels.element("arrayCompact", types, 1);
        return new Binding(
                types.get(0),
                (columns, rows) -> ArrayKernels.keep(
                        ArrayKernels.plain(columns[0], rows),
                        rows,
                        (elements, start, i) -> i == start || !ArrayKernels.same(elements, i - 1, elements, i)));
    }

    private static Binding bindEnumerate(List<DataType> types) {
        Operands.expectCount("arrayEnumerate", types, 1, 1);
        ArrayKernels.element("arrayEnumerate", types, 1);
        return new Binding(new ArrayType(IntegerType.UINT32), (columns, rows) -> {
            ArrayColumn arrays = ArrayKernels.plain(columns[0], rows);
            int[] offsets = relativeOffsets(arrays, rows);
            long[] out = new long[offsets[rows]];
            for (int row = 0; row < rows; row++) {
                for (int i = offsets[row]; i < offsets[row + 1]; i++) {
                    out[i] = i - offsets[row] + 1;
                }
            }
            return new ArrayColumn(offsets, new LongColumn(out, null, out.length), null, rows);
        });
    }

    private static int[] relativeOffsets(ArrayColumn arrays, int rows) {
        int[] offsets = new int[rows + 1];
        for (int row = 0; row <= rows; row++) {
            offsets[row] = arrays.offsets()[row] - arrays.offsets()[0];
        }
        return offsets;
    }

    private static Binding bindEnumerateUniq(List<DataType> types) {
        Operands.expectCount("arrayEnumerateUniq", types, 1, Integer.MAX_VALUE);
        for (int i = 0; i < types.size(); i++) {
            RowKeys.checkScalar("arrayEnumerateUniq", ArrayKernels.element("arrayEnumerateUniq", types, i + 1));
        }
        return new Binding(new ArrayType(IntegerType.UINT32), (columns, rows) -> {
            ArrayColumn first = ArrayKernels.plain(columns[0], rows);
            int[] offsets = relativeOffsets(first, rows);
            Column[] elements = new Column[columns.length];
            for (int a = 0; a < columns.length; a++) {
                ArrayColumn array = ArrayKernels.plain(columns[a], rows);
                ArrayKernels.checkSameSizes("arrayEnumerateUniq", first, array, rows);
                elements[a] = array.elements().slice(array.offsets()[0], offsets[rows]);
            }
            long[] out = new long[offsets[rows]];
            Map<Object, long[]> counts = new HashMap<>();
            for (int row = 0; row < rows; row++) {
                counts.clear();
                for (int i = offsets[row]; i < offsets[row + 1]; i++) {
                    long[] count = counts.computeIfAbsent(RowKeys.key(elements, i), key -> new long[1]);
                    out[i] = ++count[0];
                }
            }
            return new ArrayColumn(offsets, new LongColumn(out, null, out.length), null, rows);
        });
    }

    /** UInt64, Int64 or Float64: the type ClickHouse accumulates an element type in. */
    static DataType sumType(String name, DataType element, int position) {
        return switch (element) {
            case FloatType ignored -> FloatType.FLOAT64;
            case IntegerType integer -> integer.signed() ? IntegerType.INT64 : IntegerType.UINT64;
            default -> throw Operands.illegalType(name, new ArrayType(element), position);
        };
    }

    private static Binding bindCumSum(List<DataType> types) {
        Operands.expectCount("arrayCumSum", types, 1, 1);
        DataType element = ArrayKernels.element("arrayCumSum", types, 1);
        DataType sum = sumType("arrayCumSum", element, 1);
        return new Binding(new ArrayType(sum), (columns, rows) -> {
            ArrayColumn arrays = ArrayKernels.arrays(columns[0], types.get(0), sum, rows);
            int[] offsets = relativeOffsets(arrays, rows);
            Column elements = arrays.elements().slice(arrays.offsets()[0], offsets[rows]);
            int total = offsets[rows];
            double[] doubles = elements instanceof DoubleColumn column ? column.values() : null;
            long[] longs = doubles == null ? ((LongColumn) elements).values() : null;
            double[] doubleSums = doubles == null ? null : new double[total];
            long[] longSums = doubles == null ? new long[total] : null;
            for (int row = 0; row < rows; row++) {
                double doubleRunning = 0;
                long longRunning = 0;
                for (int i = offsets[row]; i < offsets[row + 1]; i++) {
                    if (doubles != null) {
                        doubleRunning += doubles[i];
                        doubleSums[i] = doubleRunning;
                    } else {
                        longRunning += longs[i];
                        longSums[i] = longRunning;
                    }
                }
            }
            Column sums =
                    doubles != null ? new DoubleColumn(doubleSums, null, total) : new LongColumn(longSums, null, total);
            return new ArrayColumn(offsets, sums, null, rows);
        });
    }

    private static Binding bindCountEqual(List<DataType> types) {
        Operands.expectCount("countEqual", types, 2, 2);
        DataType element = ArrayKernels.element("countEqual", types, 1);
        DataType needle = types.get(1);
        DataType common = NumericTypes.commonType(element, needle);
        return new Binding(IntegerType.UINT64, (columns, rows) -> {
            ArrayColumn arrays = ArrayKernels.arrays(columns[0], types.get(0), common, rows);
            Column values = ArrayFunctions.expand(TypeConversion.cast(columns[1], needle, common, rows), rows);
            Column elements = arrays.elements();
            long[] out = new long[rows];
            for (int row = 0; row < rows; row++) {
                for (int i = arrays.offsets()[row]; i < arrays.offsets()[row + 1]; i++) {
                    if (ArrayKernels.same(elements, i, values, row)) {
                        out[row]++;
                    }
                }
            }
            return new LongColumn(out, null, rows);
        });
    }
}
