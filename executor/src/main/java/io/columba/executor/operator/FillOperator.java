package io.columba.executor.operator;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.DoubleColumnBuilder;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.LongColumnBuilder;
import io.columba.storage.column.ValueEquality;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ORDER BY ... WITH FILL} over sorted rows, as ClickHouse's FillingTransform: between consecutive rows, and
 * from FROM and up to TO (exclusive), it inserts the missing values of the WITH FILL keys, STEP apart; a generated
 * row has the type's default in every other column. Several WITH FILL keys fill like nested counters: the last one
 * moves fastest, and an earlier key's value resets the later ones to their FROM. ORDER BY keys written before the
 * first WITH FILL key are a sorting prefix: each group of equal prefix values is filled on its own, its generated
 * rows carrying the group's prefix values.
 */
public final class FillOperator implements Operator {

    /**
     * One WITH FILL key: its column, direction, and FROM, TO and STEP as the column holds values ({@code floating}:
     * the bits of a double, else a long: days for Date, seconds for DateTime); FROM and TO null when not written.
     * STEP is negative for a descending key.
     */
    public record FillKey(
            int column, DataType type, boolean descending, boolean floating, Long from, Long to, long step) {}

    private final Operator child;
    private final List<FillKey> keys;
    private final int[] prefix;
    private final List<DataType> types;
    private final Column[] defaults;
    private final int size;
    /** The row being generated (ClickHouse's filling_row) and the next input row, clamped to TO (next_row). */
    private final long[] row;

    private final boolean[] rowNull;
    private final long[] next;
    private final boolean[] nextNull;

    private boolean first = true;
    private boolean insertFirst;
    private boolean done;
    /** The last input row, whose prefix values its group's generated rows carry. */
    private Column[] lastColumns;

    private int lastRow = -1;
    private List<ColumnBuilder> builders;

    /**
     * Fills {@code keys} over {@code child}'s rows, sorted by the ORDER BY whose keys before the first WITH FILL one
     * are the columns {@code prefix}; {@code types} are the columns' types.
     */
    public FillOperator(Operator child, List<FillKey> keys, int[] prefix, List<DataType> types) {
        this.child = child;
        this.keys = List.copyOf(keys);
        this.prefix = prefix.clone();
        this.types = List.copyOf(types);
        this.size = keys.size();
        this.row = new long[size];
        this.rowNull = new boolean[size];
        this.next = new long[size];
        this.nextNull = new boolean[size];
        java.util.Arrays.fill(nextNull, true);
        this.defaults = new Column[types.size()];
        for (int c = 0; c < types.size(); c++) {
            defaults[c] = ColumnBuilder.defaults(types.get(c), 1);
        }
    }

    @Override
    public Block next() {
        if (done) {
            return null;
        }
        Block block = child.next();
        startBlock();
        if (block == null) {
            done = true;
            finishGroup();
            return builders.get(0).size() == 0 ? null : buildBlock();
        }
        Column[] columns = new Column[block.columns().size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = block.columns().get(c).materialize();
        }
        for (int r = 0; r < block.rowCount(); r++) {
            if (lastRow >= 0 && !samePrefix(columns, r)) {
                finishGroup();
                first = true;
                insertFirst = false;
                java.util.Arrays.fill(nextNull, true);
            }
            fillBefore(columns, r);
            for (int c = 0; c < columns.length; c++) {
                builders.get(c).appendFrom(columns[c], r);
            }
            lastColumns = columns;
            lastRow = r;
        }
        return buildBlock();
    }

    @Override
    public void close() {
        child.close();
    }

    private void startBlock() {
        builders = new ArrayList<>(types.size());
        for (DataType type : types) {
            builders.add(ColumnBuilder.forType(type, 16));
        }
    }

    private Block buildBlock() {
        List<Column> columns = new ArrayList<>(builders.size());
        for (ColumnBuilder builder : builders) {
            columns.add(builder.build());
        }
        return new Block(builders.get(0).size(), columns);
    }

    private boolean samePrefix(Column[] columns, int r) {
        for (int c : prefix) {
            if (!ValueEquality.equal(lastColumns[c], lastRow, columns[c], r)) {
                return false;
            }
        }
        return true;
    }

    /** The generated rows that go before input row {@code r}. */
    private void fillBefore(Column[] columns, int r) {
        if (first) {
            for (int i = 0; i < size; i++) {
                FillKey key = keys.get(i);
                boolean isNull = columns[key.column()].isNull(r);
                long value = isNull ? 0 : valueOf(columns[key.column()], r, key.floating());
                if (key.from() != null && (isNull || !equal(i, value, key.from()))) {
                    resetFrom(i);
                    if (!isNull && less(i, key.from(), value)) {
                        emit(columns, r);
                    }
                    break;
                }
                row[i] = value;
                rowNull[i] = isNull;
            }
            first = false;
        }
        insertFirst = rowLess(next, nextNull, row, rowNull);
        for (int i = 0; i < size; i++) {
            FillKey key = keys.get(i);
            boolean isNull = columns[key.column()].isNull(r);
            long value = isNull ? 0 : valueOf(columns[key.column()], r, key.floating());
            if (key.to() == null || (!isNull && less(i, value, key.to()))) {
                next[i] = value;
                nextNull[i] = isNull;
            } else {
                next[i] = key.to();
                nextNull[i] = false;
            }
        }
        if (insertFirst && rowLess(row, rowNull, next, nextNull)) {
            emit(columns, r);
        }
        while (advance()) {
            emit(columns, r);
        }
    }

    /** The rows after the group's last one, up to TO. */
    private void finishGroup() {
        for (int i = 0; i < size; i++) {
            Long to = keys.get(i).to();
            next[i] = to == null ? 0 : to;
            nextNull[i] = to == null;
        }
        if (first) {
            // No input row at all: the range from FROM (when given) to TO.
            resetFrom(0);
            insertFirst = true;
        }
        if (insertFirst && !rowNull[0] && rowLess(row, rowNull, next, nextNull)) {
            emit(lastColumns, lastRow);
        }
        while (advance()) {
            emit(lastColumns, lastRow);
        }
    }

    /** ClickHouse's FillingRow::next: moves {@code row} one step towards {@code next}; false when it got there. */
    private boolean advance() {
        int pos = 0;
        while (pos < size && (rowNull[pos] || nextNull[pos] || equal(pos, row[pos], next[pos]))) {
            pos++;
        }
        if (pos == size || less(pos, next[pos], row[pos])) {
            return false;
        }
        // A later key with a TO still short of it steps first.
        for (int i = size - 1; i > pos; i--) {
            Long to = keys.get(i).to();
            if (to == null || rowNull[i]) {
                continue;
            }
            long value = add(i, row[i]);
            if (less(i, value, to)) {
                row[i] = value;
                resetFrom(i + 1);
                return true;
            }
        }
        long value = add(pos, row[pos]);
        if (less(pos, next[pos], value)) {
            return false;
        }
        row[pos] = value;
        if (equal(pos, value, next[pos])) {
            boolean isLess = false;
            for (int i = pos + 1; i < size; i++) {
                Long from = keys.get(i).from();
                row[i] = from != null ? from : next[i];
                rowNull[i] = from == null && nextNull[i];
                isLess |= !rowNull[i] && !nextNull[i] && less(i, row[i], next[i]);
            }
            return isLess;
        }
        resetFrom(pos + 1);
        return true;
    }

    /** Keys {@code from} on start again at their FROM (no value without one). */
    private void resetFrom(int from) {
        for (int i = from; i < size; i++) {
            Long value = keys.get(i).from();
            row[i] = value == null ? 0 : value;
            rowNull[i] = value == null;
        }
    }

    /** Appends the generated row; prefix columns take the values of row {@code r} of {@code source}. */
    private void emit(Column[] source, int r) {
        for (int c = 0; c < types.size(); c++) {
            ColumnBuilder builder = builders.get(c);
            int key = keyOf(c);
            if (key >= 0 && !rowNull[key]) {
                if (keys.get(key).floating()) {
                    ((DoubleColumnBuilder) builder).append(Double.longBitsToDouble(row[key]));
                } else {
                    ((LongColumnBuilder) builder).append(row[key]);
                }
            } else if (source != null && r >= 0 && isPrefix(c)) {
                builder.appendFrom(source[c], r);
            } else {
                builder.appendFrom(defaults[c], 0);
            }
        }
    }

    private int keyOf(int column) {
        for (int i = 0; i < size; i++) {
            if (keys.get(i).column() == column) {
                return i;
            }
        }
        return -1;
    }

    private boolean isPrefix(int column) {
        for (int c : prefix) {
            if (c == column) {
                return true;
            }
        }
        return false;
    }

    /** ClickHouse's FillingRow operator&lt;: the first key where both have unequal values decides. */
    private boolean rowLess(long[] a, boolean[] aNull, long[] b, boolean[] bNull) {
        for (int i = 0; i < size; i++) {
            if (aNull[i] || bNull[i] || equal(i, a[i], b[i])) {
                continue;
            }
            return less(i, a[i], b[i]);
        }
        return false;
    }

    private static long valueOf(Column column, int row, boolean floating) {
        return floating ? Double.doubleToRawLongBits(((DoubleColumn) column).get(row)) : ((LongColumn) column).get(row);
    }

    /** Whether {@code a} comes before {@code b} in key {@code i}'s direction. */
    private boolean less(int i, long a, long b) {
        FillKey key = keys.get(i);
        int order = key.floating()
                ? Double.compare(Double.longBitsToDouble(a), Double.longBitsToDouble(b))
                : Long.compare(a, b);
        return key.descending() ? order > 0 : order < 0;
    }

    private boolean equal(int i, long a, long b) {
        return keys.get(i).floating() ? Double.longBitsToDouble(a) == Double.longBitsToDouble(b) : a == b;
    }

    private long add(int i, long value) {
        FillKey key = keys.get(i);
        return key.floating()
                ? Double.doubleToRawLongBits(Double.longBitsToDouble(value) + Double.longBitsToDouble(key.step()))
                : value + key.step();
    }
}
