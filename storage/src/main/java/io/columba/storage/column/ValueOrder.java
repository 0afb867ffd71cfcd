package io.columba.storage.column;

import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.TupleType;
import java.util.List;

/**
 * The order of two values of one type as ClickHouse sorts them: numbers by value (UInt64 unsigned), strings and
 * fixed-width values by their bytes, arrays element by element (a prefix first), tuples element by element; NULL
 * and NaN after everything else.
 */
public final class ValueOrder {
    private ValueOrder() {}

    public static int compare(Column left, int leftRow, Column right, int rightRow, DataType type) {
        Column a = left instanceof ConstantColumn constant ? constant.value() : left;
        Column b = right instanceof ConstantColumn constant ? constant.value() : right;
        int rowA = a == left ? leftRow : 0;
        int rowB = b == right ? rightRow : 0;
        boolean nullA = a.isNull(rowA);
        boolean nullB = b.isNull(rowB);
        if (nullA || nullB) {
            return nullA == nullB ? 0 : nullA ? 1 : -1;
        }
        return switch (a) {
            case LongColumn longs -> {
                long x = longs.get(rowA);
                long y = ((LongColumn) b).get(rowB);
                yield isUnsigned64(type) ? Long.compareUnsigned(x, y) : Long.compare(x, y);
            }
            case DoubleColumn doubles -> compareDoubles(doubles.get(rowA), ((DoubleColumn) b).get(rowB));
            case StringColumn strings -> StringColumn.compare(strings, rowA, (StringColumn) b, rowB);
            case ArrayColumn arrays -> compareArrays(arrays, rowA, (ArrayColumn) b, rowB, ArrayType.elementOf(type));
            case TupleColumn tuples -> compareTuples(tuples, rowA, (TupleColumn) b, rowB, type);
            case ConstantColumn ignored -> throw new IllegalStateException("nested constant column");
        };
    }

    private static boolean isUnsigned64(DataType type) {
        return type.withoutNullable() instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
    }

    private static int compareDoubles(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) == Double.isNaN(b) ? 0 : Double.isNaN(a) ? 1 : -1;
        }
        return Double.compare(a + 0.0, b + 0.0);
    }

    private static int compareArrays(ArrayColumn a, int rowA, ArrayColumn b, int rowB, DataType elementType) {
        int lengthA = a.length(rowA);
        int lengthB = b.length(rowB);
        int startA = a.offsets()[rowA];
        int startB = b.offsets()[rowB];
        for (int i = 0; i < Math.min(lengthA, lengthB); i++) {
            int order = compare(a.elements(), startA + i, b.elements(), startB + i, elementType);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(lengthA, lengthB);
    }

    private static int compareTuples(TupleColumn a, int rowA, TupleColumn b, int rowB, DataType type) {
        List<DataType> elementTypes = ((TupleType) type.withoutNullable()).elements();
        for (int i = 0; i < elementTypes.size(); i++) {
            int order = compare(a.elements().get(i), rowA, b.elements().get(i), rowB, elementTypes.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
