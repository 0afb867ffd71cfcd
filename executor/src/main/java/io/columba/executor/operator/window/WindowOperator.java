package io.columba.executor.operator.window;

import io.columba.executor.function.aggregate.AggregateStates;
import io.columba.executor.operator.Blocks;
import io.columba.executor.operator.Operator;
import io.columba.executor.operator.RowComparator;
import io.columba.executor.operator.SortKey;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates window functions over all of its input: for each call, sorts a copy of the rows by (PARTITION BY, ORDER
 * BY), computes each row's value partition by partition (peers, rows with equal ORDER BY keys, share a value unless
 * the frame is ROWS), and hands the rows back in their input order with one column appended per call.
 */
public final class WindowOperator implements Operator {
    private final Operator child;
    private final List<DataType> types;
    private final List<WindowCall> calls;
    private boolean done;

    public WindowOperator(Operator child, List<DataType> types, List<WindowCall> calls) {
        this.child = child;
        this.types = List.copyOf(types);
        this.calls = List.copyOf(calls);
    }

    @Override
    public Block next() {
        if (done) {
            return null;
        }
        done = true;
        List<Block> blocks = Blocks.drain(child);
        if (blocks.isEmpty()) {
            return null;
        }
        Block all = Blocks.concat(blocks, types);
        if (all.rowCount() == 0) {
            return null;
        }
        List<Column> columns = new ArrayList<>(all.columns());
        for (WindowCall call : calls) {
            columns.add(evaluate(call, all));
        }
        return new Block(all.rowCount(), columns);
    }

    private static Column evaluate(WindowCall call, Block all) {
        int rows = all.rowCount();
        List<SortKey> keys = new ArrayList<>(call.partitionKeys());
        keys.addAll(call.orderKeys());
        int[] order = keys.isEmpty() ? identity(rows) : new RowComparator(keys, all).sortedPermutation(rows);
        Block sorted = all.take(order, rows);
        RowComparator partitions = new RowComparator(call.partitionKeys(), sorted);
        RowComparator peers = new RowComparator(keys, sorted);
        int[] valueOfRow = new int[rows];
        List<Column> values = new ArrayList<>();
        long[] ranks = call.ranking() == null ? null : new long[rows];
        int start = 0;
        while (start < rows) {
            int end = start + 1;
            while (end < rows && partitions.compare(start, end) == 0) {
                end++;
            }
            if (ranks != null) {
                rank(call.ranking(), peers, start, end, ranks);
            } else {
                aggregate(call, sorted, peers, start, end, valueOfRow, values);
            }
            start = end;
        }
        Column inSortedOrder;
        if (ranks != null) {
            inSortedOrder = new LongColumn(ranks);
        } else {
            List<Block> pieces = new ArrayList<>();
            for (Column value : values) {
                pieces.add(new Block(value.size(), List.of(value)));
            }
            Column distinctValues = Blocks.concat(pieces, List.of(call.type())).column(0);
            inSortedOrder = distinctValues.take(valueOfRow, rows);
        }
        int[] back = new int[rows];
        for (int position = 0; position < rows; position++) {
            back[order[position]] = position;
        }
        return inSortedOrder.take(back, rows);
    }

    private static void rank(String ranking, RowComparator peers, int start, int end, long[] ranks) {
        long dense = 0;
        int peerStart = start;
        for (int row = start; row < end; row++) {
            if (row == start || peers.compare(row - 1, row) != 0) {
                dense++;
                peerStart = row;
            }
            ranks[row] = switch (ranking) {
                case "row_number" -> row - start + 1;
                case "rank" -> peerStart - start + 1;
                default -> dense;
            };
        }
    }

    /** Feeds the partition's rows to a fresh state up to each frame end; rows of one frame end share a value. */
    private static void aggregate(
            WindowCall call,
            Block sorted,
            RowComparator peers,
            int start,
            int end,
            int[] valueOfRow,
            List<Column> values) {
        AggregateStates states = call.aggregate().newStates();
        int fed = start;
        int row = start;
        while (row < end) {
            int frameEnd = end;
            if (call.toCurrentRow()) {
                frameEnd = row + 1;
                while (!call.rowsFrame() && frameEnd < end && peers.compare(row, frameEnd) == 0) {
                    frameEnd++;
                }
            }
            feed(call, sorted, states, fed, frameEnd);
            fed = frameEnd;
            int value = values.size();
            values.add(states.result(1));
            for (int r = row; r < frameEnd; r++) {
                valueOfRow[r] = value;
            }
            row = frameEnd;
        }
    }

    private static void feed(WindowCall call, Block sorted, AggregateStates states, int from, int to) {
        int count = to - from;
        if (count == 0) {
            return;
        }
        Column[] arguments = new Column[call.argumentColumns().length];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = sorted.column(call.argumentColumns()[i]).slice(from, count);
        }
        states.add(new int[count], arguments, count, 1);
    }

    private static int[] identity(int rows) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        return order;
    }
}
