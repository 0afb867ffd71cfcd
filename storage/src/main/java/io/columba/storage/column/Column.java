package io.columba.storage.column;

/**
 * An immutable vector of values of one type. Value columns hold primitive arrays and an optional null map
 * ({@code null} when no value is NULL); {@link ConstantColumn} repeats one value. The data type lives with the
 * operator's schema, not in the column.
 */
public sealed interface Column
        permits LongColumn, DoubleColumn, StringColumn, ArrayColumn, TupleColumn, ConstantColumn {

    int size();

    /** One flag per row, true where the value is NULL; {@code null} when no row is NULL. */
    boolean[] nulls();

    default boolean isNull(int row) {
        boolean[] nulls = nulls();
        return nulls != null && nulls[row];
    }

    /** The rows at {@code positions[0..count)}, in that order (a gather through a selection). */
    Column take(int[] positions, int count);

    /** The rows {@code [offset, offset + length)}. */
    Column slice(int offset, int length);

    /** This column as a plain value vector (a constant is expanded). */
    default Column materialize() {
        return this;
    }

    static boolean[] takeNulls(boolean[] nulls, int[] positions, int count) {
        if (nulls == null) {
            return null;
        }
        boolean[] result = new boolean[count];
        boolean any = false;
        for (int i = 0; i < count; i++) {
            result[i] = nulls[positions[i]];
            any |= result[i];
        }
        return any ? result : null;
    }

    static boolean[] sliceNulls(boolean[] nulls, int offset, int length) {
        if (nulls == null) {
            return null;
        }
        boolean[] result = new boolean[length];
        System.arraycopy(nulls, offset, result, 0, length);
        return result;
    }
}
