package io.columba.executor.operator.join;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.operator.Operator;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.KeyEncoder;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Joins each block of the left input with a {@link JoinHashTable} built from the right one, keeping the left
 * rows' order and, per left row, its matches in the right input's order (ClickHouse's hash join). A block out holds
 * the left columns, then the right columns, then the merged USING keys (the left row's key, or the right row's for
 * rows only the right side has). Rows without a match get the right side's default row; a RIGHT or FULL join ends
 * with the right rows no left row matched, their left columns defaults. No keys make a cross join.
 */
public final class HashJoinOperator implements Operator {
    /** Which rows without a match are kept. */
    public enum Kind {
        INNER,
        LEFT,
        RIGHT,
        FULL
    }

    /** How many matches a left row takes: all, the first, the first without right columns... */
    public enum Strictness {
        ALL,
        ANY,
        SEMI,
        ANTI
    }

    private final Operator left;
    private final List<DataType> leftTypes;
    private final List<BoundExpression> leftKeys;
    private final JoinHashTable right;
    private final Kind kind;
    private final Strictness strictness;
    private final int mergedKeys;
    private final boolean[] matched;
    private final KeyEncoder encoder = new KeyEncoder();
    private boolean leftDone;

    /**
     * {@code leftKeys} are bound over the left input and have the types of the table's keys; the first
     * {@code mergedKeys} of them are USING keys, output after the right columns.
     */
    public HashJoinOperator(
            Operator left,
            List<DataType> leftTypes,
            List<BoundExpression> leftKeys,
            JoinHashTable right,
            Kind kind,
            Strictness strictness,
            int mergedKeys) {
        this.left = left;
        this.leftTypes = List.copyOf(leftTypes);
        this.leftKeys = List.copyOf(leftKeys);
        this.right = right;
        this.kind = kind;
        this.strictness = strictness;
        this.mergedKeys = mergedKeys;
        this.matched = kind == Kind.RIGHT || kind == Kind.FULL ? new boolean[right.rows()] : null;
    }

    @Override
    public Block next() {
        while (!leftDone) {
            Block block = left.next();
            if (block == null) {
                leftDone = true;
                break;
            }
            Block joined = probe(block);
            if (joined.rowCount() > 0) {
                return joined;
            }
        }
        if (matched != null) {
            Block rest = unmatchedRight();
            return rest.rowCount() == 0 ? null : rest;
        }
        return null;
    }

    private Block probe(Block block) {
        int rows = block.rowCount();
        Column[] keys = new Column[leftKeys.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = ExpressionEvaluator.evaluate(leftKeys.get(k), block).materialize();
        }
        boolean keepUnmatched = strictness == Strictness.ANTI
                || strictness != Strictness.SEMI && (kind == Kind.LEFT || kind == Kind.FULL);
        boolean all = strictness == Strictness.ALL;
        Pairs pairs = new Pairs(rows);
        for (int row = 0; row < rows; row++) {
            int match = JoinHashTable.encode(encoder, keys, row) ? right.first(encoder) : -1;
            if (match < 0) {
                if (keepUnmatched) {
                    pairs.add(row, right.defaultRow());
                }
                continue;
            }
            if (strictness == Strictness.ANTI) {
                continue;
            }
            for (int r = match; r >= 0; r = all ? right.next(r) : -1) {
                if (matched != null) {
                    matched[r] = true;
                }
                pairs.add(row, r);
            }
        }
        int count = pairs.count;
        List<Column> columns = new ArrayList<>();
        for (Column column : block.columns()) {
            columns.add(column.take(pairs.left, count));
        }
        for (int c = 0; c < right.columnCount(); c++) {
            columns.add(right.column(c).take(pairs.right, count));
        }
        for (int k = 0; k < mergedKeys; k++) {
            columns.add(keys[k].take(pairs.left, count));
        }
        return new Block(count, columns);
    }

    /** Matched row pairs: positions in the left block and in the right table. */
    private static final class Pairs {
        int[] left;
        int[] right;
        int count;

        Pairs(int expected) {
            left = new int[Math.max(16, expected)];
            right = new int[left.length];
        }

        void add(int leftRow, int rightRow) {
            if (count == left.length) {
                left = Arrays.copyOf(left, count * 2);
                right = Arrays.copyOf(right, count * 2);
            }
            left[count] = leftRow;
            right[count] = rightRow;
            count++;
        }
    }

    private Block unmatchedRight() {
        int[] rows = new int[right.rows()];
        int count = 0;
        for (int r = 0; r < matched.length; r++) {
            if (!matched[r]) {
                rows[count++] = r;
            }
        }
        List<Column> columns = new ArrayList<>();
        for (DataType type : leftTypes) {
            columns.add(ColumnBuilder.defaults(type, count));
        }
        for (int c = 0; c < right.columnCount(); c++) {
            columns.add(right.column(c).take(rows, count));
        }
        for (int k = 0; k < mergedKeys; k++) {
            columns.add(right.key(k).take(rows, count));
        }
        Arrays.fill(matched, true);
        return new Block(count, columns);
    }

    @Override
    public void close() {
        left.close();
    }
}
