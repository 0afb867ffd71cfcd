package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.ArrayColumnBuilder;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.ValueEquality;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.List;

/** Arrays as sets: arrayIntersect, hasAny and hasAll. */
public final class ArraySetFunctions {
    private ArraySetFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                        "arrayIntersect",
                        "The distinct elements found in every array argument, in the order of the first array.",
                        "SELECT arrayIntersect([1, 2, 3], [3, 2, 5])",
                        (types, args) -> {
                            Operands.expectCount("arrayIntersect", types, 1, Integer.MAX_VALUE);
                            DataType common = ArrayKernels.commonElement("arrayIntersect", types, 0);
                            return new Binding(
                                    new ArrayType(common), (columns, rows) -> intersect(columns, types, common, rows));
                        }),
                SimpleScalarFunction.of(
                        "hasAny",
                        "1 when the two arrays have an element in common (NULL equals NULL), else 0.",
                        "SELECT hasAny([1, 2], [2, 3])",
                        (types, args) -> bindContains("hasAny", types, false)),
                SimpleScalarFunction.of(
                        "hasAll",
                        "1 when every element of the second array is in the first (NULL equals NULL), else 0.",
                        "SELECT hasAll([1, 2, 3], [3, 1])",
                        (types, args) -> bindContains("hasAll", types, true)));
    }

    private static Binding bindContains(String name, List<DataType> types, boolean all) {
        Operands.expectCount(name, types, 2, 2);
        DataType common = ArrayKernels.commonElement(name, types, 0);
        return new Binding(IntegerType.UINT8, (columns, rows) -> {
            ArrayColumn haystack = ArrayKernels.arrays(columns[0], types.get(0), common, rows);
            ArrayColumn needles = ArrayKernels.arrays(columns[1], types.get(1), common, rows);
            long[] out = new long[rows];
            for (int row = 0; row < rows; row++) {
                boolean result = all;
                for (int n = needles.offsets()[row]; n < needles.offsets()[row + 1] && result == all; n++) {
                    result = contains(haystack, row, needles.elements(), n);
                }
                out[row] = result ? 1 : 0;
            }
            return new LongColumn(out, null, rows);
        });
    }

    private static boolean contains(ArrayColumn haystack, int row, Column needles, int needle) {
        for (int e = haystack.offsets()[row]; e < haystack.offsets()[row + 1]; e++) {
            if (ArrayKernels.same(haystack.elements(), e, needles, needle)) {
                return true;
            }
        }
        return false;
    }

    private static Column intersect(Column[] columns, List<DataType> types, DataType element, int rows) {
        ArrayColumn[] arrays = new ArrayColumn[columns.length];
        Column[] elements = new Column[columns.length];
        for (int a = 0; a < columns.length; a++) {
            arrays[a] = (ArrayColumn) TypeConversion.cast(columns[a], types.get(a), new ArrayType(element), rows)
                    .materialize();
            elements[a] = arrays[a].elements();
        }
        ArrayColumnBuilder out = new ArrayColumnBuilder(ColumnBuilder.forType(element, rows), rows);
        for (int i = 0; i < rows; i++) {
            int[] first = arrays[0].offsets();
            for (int e = first[i]; e < first[i + 1]; e++) {
                if (seenBefore(elements[0], first[i], e) || !inAll(arrays, elements, i, e)) {
                    continue;
                }
                out.elements().appendFrom(elements[0], e);
            }
            out.endArray();
        }
        return out.build();
    }

    private static boolean seenBefore(Column elements, int from, int at) {
        for (int e = from; e < at; e++) {
            if (ValueEquality.equal(elements, e, elements, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inAll(ArrayColumn[] arrays, Column[] elements, int row, int candidate) {
        for (int a = 1; a < arrays.length; a++) {
            boolean found = false;
            for (int e = arrays[a].offsets()[row]; e < arrays[a].offsets()[row + 1] && !found; e++) {
                found = ValueEquality.equal(elements[a], e, elements[0], candidate);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
