package io.columba.executor.function.scalar;

import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.ValueEquality;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.NothingType;
import java.util.List;

/** Shared pieces of the array functions: argument checks, common element types and gathers of elements. */
final class ArrayKernels {
    private ArrayKernels() {}

    /** The element type of argument {@code position} (from 1), which must be an array. */
    static DataType element(String function, List<DataType> types, int position) {
        if (!(types.get(position - 1) instanceof ArrayType array)) {
            throw Operands.illegalType(function, types.get(position - 1), position);
        }
        return array.element();
    }

    /** The common element type of array arguments {@code from..types.size()}, an empty array's Nothing aside. */
    static DataType commonElement(String function, List<DataType> types, int from) {
        DataType common = null;
        for (int i = from; i < types.size(); i++) {
            DataType next = element(function, types, i + 1);
            common = common == null || common.withoutNullable() instanceof NothingType
                    ? next
                    : next.withoutNullable() instanceof NothingType ? common : NumericTypes.commonType(common, next);
        }
        return common;
    }

    /** The array argument as a plain array column of {@code element}s, cast when its type differs. */
    static ArrayColumn arrays(Column column, DataType type, DataType element, int rows) {
        Column cast = type.equals(new ArrayType(element))
                ? column
                : TypeConversion.cast(column, type, new ArrayType(element), rows);
        return plain(cast, rows);
    }

    /** The array argument with a constant expanded. */
    static ArrayColumn plain(Column column, int rows) {
        return (ArrayColumn) (column instanceof ConstantColumn ? column.materialize() : column);
    }

    /** Arrays made of the source elements at {@code positions}; row r's are {@code offsets[r]..offsets[r + 1])}. */
    static ArrayColumn gather(ArrayColumn source, int[] positions, int[] offsets, int rows) {
        int count = offsets[rows];
        return new ArrayColumn(offsets, source.elements().take(positions, count), null, rows);
    }

    /** The row of each element of the arrays: what an aggregate over each array groups by. */
    static int[] rowOfElements(ArrayColumn arrays, int rows) {
        int[] offsets = arrays.offsets();
        int[] groups = new int[offsets[rows] - offsets[0]];
        for (int row = 0; row < rows; row++) {
            for (int i = offsets[row]; i < offsets[row + 1]; i++) {
                groups[i - offsets[0]] = row;
            }
        }
        return groups;
    }

    static void checkSameSizes(String function, ArrayColumn first, ArrayColumn other, int rows) {
        for (int row = 0; row < rows; row++) {
            if (first.length(row) != other.length(row)) {
                throw new ColumbaException(
                        ErrorCode.SIZES_OF_ARRAYS_DONT_MATCH, "Arrays passed to " + function + " must have equal size");
            }
        }
    }

    /** Whether two values are equal, NULL equal to NULL (has, countEqual, hasAny: not SQL's comparison). */
    static boolean same(Column left, int leftRow, Column right, int rightRow) {
        boolean leftNull = left.isNull(leftRow);
        boolean rightNull = right.isNull(rightRow);
        if (leftNull || rightNull) {
            return leftNull == rightNull;
        }
        return ValueEquality.equal(left, leftRow, right, rightRow);
    }

    /** Decides whether element {@code i} of the array starting at {@code start} is kept. */
    @FunctionalInterface
    interface ElementFilter {
        boolean keep(Column elements, int start, int i);
    }

    /** The arrays with only the elements the filter keeps, visited in order. */
    static ArrayColumn keep(ArrayColumn arrays, int rows, ElementFilter filter) {
        Column elements = arrays.elements();
        int[] offsets = new int[rows + 1];
        int[] positions = new int[arrays.offsets()[rows]];
        int count = 0;
        for (int row = 0; row < rows; row++) {
            int start = arrays.offsets()[row];
            for (int i = start; i < arrays.offsets()[row + 1]; i++) {
                if (filter.keep(elements, start, i)) {
                    positions[count++] = i;
                }
            }
            offsets[row + 1] = count;
        }
        return gather(arrays, positions, offsets, rows);
    }
}
