package io.columba.executor.operator;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.ValueOrder;
import io.columba.storage.type.IntegerType;
import java.util.List;

/** Compares rows of a block (or of two blocks of the same columns) by sort keys, as ClickHouse orders values (NULL, then NaN, last by default). */
public final class RowComparator {
    private final List<SortKey> keys;
    private final Column[] columns;
    private final boolean[] unsigned64;

    public RowComparator(List<SortKey> keys, Block block) {
        this.keys = List.copyOf(keys);
        this.columns = new Column[keys.size()];
        this.unsigned64 = new boolean[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            columns[k] = block.column(keys.get(k).column()).materialize();
            unsigned64[k] = keys.get(k).type().withoutNullable() instanceof IntegerType integer
                    && !integer.signed()
                    && integer.bytes() == 8;
        }
    }

    public int compare(int left, int right) {
        return compare(columns, left, columns, right);
    }

    /** Compares row {@code left} of this comparator's block with row {@code right} of {@code other}'s block. */
    public int compareAcross(int left, RowComparator other, int right) {
        return compare(columns, left, other.columns, right);
    }

    private int compare(Column[] leftColumns, int left, Column[] rightColumns, int right) {
        for (int k = 0; k < leftColumns.length; k++) {
            SortKey key = keys.get(k);
            Column column = leftColumns[k];
            Column rightColumn = rightColumns[k];
            boolean leftNull = column.isNull(left);
            boolean rightNull = rightColumn.isNull(right);
            if (leftNull || rightNull) {
                if (leftNull && rightNull) {
                    continue;
                }
                return (leftNull ? 1 : -1) * (key.nullsFirst() ? -1 : 1);
            }
            int comparison = switch (column) {
                case LongColumn longs ->
                    unsigned64[k]
                            ? Long.compareUnsigned(longs.get(left), ((LongColumn) rightColumn).get(right))
                            : Long.compare(longs.get(left), ((LongColumn) rightColumn).get(right));
                case DoubleColumn doubles -> {
                    double a = doubles.get(left);
                    double b = ((DoubleColumn) rightColumn).get(right);
                    if (Double.isNaN(a) || Double.isNaN(b)) {
                        if (Double.isNaN(a) && Double.isNaN(b)) {
                            yield 0;
                        }
                        // NaN sorts with NULLs: after every number in both directions unless NULLS FIRST.
                        int last = Double.isNaN(a) ? 1 : -1;
                        int placed = key.nullsFirst() ? -last : last;
                        yield key.descending() ? -placed : placed;
                    }
                    yield Double.compare(a + 0.0, b + 0.0);
                }
                case StringColumn strings
                when key.collator() != null ->
                    key.collator().compare(strings.getString(left), ((StringColumn) rightColumn).getString(right));
                case StringColumn strings -> StringColumn.compare(strings, left, (StringColumn) rightColumn, right);
                default -> ValueOrder.compare(column, left, rightColumn, right, key.type());
            };
            if (comparison != 0) {
                return key.descending() ? -comparison : comparison;
            }
        }
        return 0;
    }

    /** A stable sort of row numbers {@code 0..rows)} (merge sort on an int array). */
    public int[] sortedPermutation(int rows) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        int[] buffer = new int[rows];
        mergeSort(order, buffer, 0, rows);
        return order;
    }

    private void mergeSort(int[] values, int[] buffer, int from, int to) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int value = values[i];
                int j = i - 1;
                while (j >= from && compare(values[j], value) > 0) {
                    values[j + 1] = values[j];
                    j--;
                }
                values[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(values, buffer, from, middle);
        mergeSort(values, buffer, middle, to);
        if (compare(values[middle - 1], values[middle]) <= 0) {
            return;
        }
        System.arraycopy(values, from, buffer, from, to - from);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || left < middle && compare(buffer[left], buffer[right]) <= 0) {
                values[i] = buffer[left++];
            } else {
                values[i] = buffer[right++];
            }
        }
    }
}
