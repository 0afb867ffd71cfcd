package io.columba.storage.column;

/** Whether two rows (of one column or two columns of the same type) hold equal values, NULL equal to NULL. */
public final class ValueEquality {
    private ValueEquality() {}

    public static boolean equal(Column left, int leftRow, Column right, int rightRow) {
        Column a = left instanceof ConstantColumn constant ? constant.value() : left;
        Column b = right instanceof ConstantColumn constant ? constant.value() : right;
        int rowA = a == left ? leftRow : 0;
        int rowB = b == right ? rightRow : 0;
        boolean nullA = a.isNull(rowA);
        boolean nullB = b.isNull(rowB);
        if (nullA || nullB) {
            return nullA == nullB;
        }
        return switch (a) {
            case LongColumn longs -> longs.get(rowA) == ((LongColumn) b).get(rowB);
            case DoubleColumn doubles -> Double.compare(doubles.get(rowA), ((DoubleColumn) b).get(rowB)) == 0;
            case StringColumn strings -> StringColumn.equals(strings, rowA, (StringColumn) b, rowB);
            case ArrayColumn arrays -> equalArrays(arrays, rowA, (ArrayColumn) b, rowB);
            case TupleColumn tuples -> equalTuples(tuples, rowA, (TupleColumn) b, rowB);
            case ConstantColumn ignored -> throw new IllegalStateException("nested constant column");
        };
    }

    private static boolean equalArrays(ArrayColumn a, int rowA, ArrayColumn b, int rowB) {
        int length = a.length(rowA);
        if (length != b.length(rowB)) {
            return false;
        }
        int startA = a.offsets()[rowA];
        int startB = b.offsets()[rowB];
        for (int i = 0; i < length; i++) {
            if (!equal(a.elements(), startA + i, b.elements(), startB + i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalTuples(TupleColumn a, int rowA, TupleColumn b, int rowB) {
        for (int i = 0; i < a.elements().size(); i++) {
            if (!equal(a.elements().get(i), rowA, b.elements().get(i), rowB)) {
                return false;
            }
        }
        return true;
    }
}
