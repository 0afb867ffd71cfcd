package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.ArrayColumnBuilder;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.ValueEquality;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.NothingType;
import java.util.List;

/** arrayIntersect: the distinct elements present in every array, in the first array's order. */
public final class ArraySetFunctions {
    private ArraySetFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(SimpleScalarFunction.of(
                "arrayIntersect",
                "The distinct elements found in every array argument, in the order of the first array.",
                "SELECT arrayIntersect([1, 2, 3], [3, 2, 5])",
                (types, args) -> {
                    Operands.expectCount("arrayIntersect", types, 1, Integer.MAX_VALUE);
                    DataType element = null;
                    for (int i = 0; i < types.size(); i++) {
                        if (!(types.get(i) instanceof ArrayType array)) {
                            throw Operands.illegalType("arrayIntersect", types.get(i), i + 1);
                        }
                        DataType next = array.element();
                        element = element == null || element.withoutNullable() instanceof NothingType
                                ? next
                                : next.withoutNullable() instanceof NothingType
                                        ? element
                                        : NumericTypes.commonType(element, next);
                    }
                    DataType common = element;
                    return new Binding(
                            new ArrayType(common), (columns, rows) -> intersect(columns, types, common, rows));
                }));
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
