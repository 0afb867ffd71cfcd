package io.columba.executor.operator.window;

import io.columba.executor.function.aggregate.AggregateStates;
import io.columba.executor.operator.Blocks;
import io.columba.executor.operator.Operator;
import io.columba.executor.operator.RowComparator;
import io.columba.executor.operator.SortKey;
import io.columba.executor.operator.window.WindowCall.BoundKind;
import io.columba.executor.operator.window.WindowCall.Frame;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates window functions over all of its input: for each call, sorts a copy of the rows by (PARTITION BY, ORDER
 * BY), computes each row's value partition by partition over the row's frame (ROWS counts rows; RANGE measures the
 * ORDER BY value, and its CURRENT ROW takes the row's peers, rows with equal ORDER BY keys), and hands the rows back
 * in their input order with one column appended per call.
 */
public final class WindowOperator implements Operator {
    /** Frame rows fed to the aggregate states at once when frames slide (each row then has a state of its own). */
    private static final int FEED_BATCH = 1 << 16;

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

    /** The rows of one partition in the sorted block, {@code [start, end)}, and how their peers compare. */
    private record Partition(Block sorted, RowComparator peers, int start, int end, int[] peerFirsts, int[] peerEnds) {
        /**
         * The partition's rows with their peer groups found in one pass: row {@code start + i}'s group runs from
         * {@code peerFirsts[i]} to before {@code peerEnds[i]}.
         */
        static Partition of(Block sorted, RowComparator peers, int start, int end) {
            int size = end - start;
            int[] firsts = new int[size];
            int[] ends = new int[size];
            int first = start;
            for (int row = start; row < end; row++) {
                if (row > start && peers.compare(row - 1, row) != 0) {
                    first = row;
                }
                firsts[row - start] = first;
            }
            for (int i = size - 1; i >= 0; i--) {
                ends[i] = i + 1 < size && firsts[i + 1] == firsts[i] ? ends[i + 1] : start + i + 1;
            }
            return new Partition(sorted, peers, start, end, firsts, ends);
        }
    }

    private static Column evaluate(WindowCall call, Block all) {
        int rows = all.rowCount();
        List<SortKey> keys = new ArrayList<>(call.partitionKeys());
        keys.addAll(call.orderKeys());
        int[] order = keys.isEmpty() ? identity(rows) : new RowComparator(keys, all).sortedPermutation(rows);
        Block sorted = all.take(order, rows);
        RowComparator partitions = new RowComparator(call.partitionKeys(), sorted);
        RowComparator peers = new RowComparator(keys, sorted);
        Values values = new Values(rows);
        int start = 0;
        while (start < rows) {
            int end = start + 1;
            while (end < rows && partitions.compare(start, end) == 0) {
                end++;
            }
            Partition partition = Partition.of(sorted, peers, start, end);
            switch (call.kind()) {
                case RANKING -> values.longs(ranking(call, partition), start);
                case NAVIGATION -> navigate(call, partition, frames(call, partition), values);
                case AGGREGATE -> aggregate(call, partition, values);
            }
            start = end;
        }
        Column inSortedOrder = values.column(call, sorted);
        int[] back = new int[rows];
        for (int position = 0; position < rows; position++) {
            back[order[position]] = position;
        }
        return inSortedOrder.take(back, rows);
    }

    /**
     * Each sorted row's value as a row of some column: ranking numbers in one array, other values as pieces (frame
     * results, source rows) that rows point into.
     */
    private static final class Values {
        private final long[] longs;
        private final int[] valueOfRow;
        private final List<Column> pieces = new ArrayList<>();
        private int count;
        private boolean ranked;

        Values(int rows) {
            this.longs = new long[rows];
            this.valueOfRow = new int[rows];
        }

        void longs(long[] partitionValues, int start) {
            System.arraycopy(partitionValues, 0, longs, start, partitionValues.length);
            ranked = true;
        }

        /** Adds a piece; returns the index of its first value. */
        int add(Column piece) {
            pieces.add(piece);
            count += piece.size();
            return count - piece.size();
        }

        void point(int row, int value) {
            valueOfRow[row] = value;
        }

        Column column(WindowCall call, Block sorted) {
            int rows = valueOfRow.length;
            if (ranked) {
                if (call.type().physicalType() == io.columba.storage.type.PhysicalType.DOUBLE) {
                    double[] doubles = new double[rows];
                    for (int i = 0; i < rows; i++) {
                        doubles[i] = Double.longBitsToDouble(longs[i]);
                    }
                    return new DoubleColumn(doubles);
                }
                return new LongColumn(longs);
            }
            List<Block> blocks = new ArrayList<>();
            for (Column piece : pieces) {
                blocks.add(new Block(piece.size(), List.of(piece)));
            }
            return Blocks.concat(blocks, List.of(call.type())).column(0).take(valueOfRow, rows);
        }
    }

    private static long[] ranking(WindowCall call, Partition partition) {
        int start = partition.start();
        int size = partition.end() - start;
        long[] values = new long[size];
        long dense = 0;
        int peerStart = start;
        for (int row = start; row < partition.end(); row++) {
            if (firstPeer(partition, row) == row) {
                dense++;
                peerStart = row;
            }
            int local = row - start;
            values[local] = switch (call.function()) {
                case "row_number" -> local + 1;
                case "rank" -> peerStart - start + 1;
                case "dense_rank" -> dense;
                case "percent_rank" ->
                    Double.doubleToLongBits(size == 1 ? 0.0 : (double) (peerStart - start) / (size - 1));
                case "cume_dist" -> Double.doubleToLongBits((double) (lastPeer(partition, row) - start) / size);
                case "ntile" -> bucket(local, size, call.parameter());
                default -> throw new IllegalStateException(call.function());
            };
        }
        return values;
    }

    /** ntile: rows split into buckets whose sizes differ by at most one, the larger ones first. */
    private static long bucket(int local, int size, long buckets) {
        long small = size / buckets;
        long larger = size % buckets;
        if (local < larger * (small + 1)) {
            return local / (small + 1) + 1;
        }
        return larger + (local - larger * (small + 1)) / small + 1;
    }

    /** One past the last row that is a peer of {@code row}. */
    private static int lastPeer(Partition partition, int row) {
        return partition.peerEnds()[row - partition.start()];
    }

    /** The first row that is a peer of {@code row}. */
    private static int firstPeer(Partition partition, int row) {
        return partition.peerFirsts()[row - partition.start()];
    }

    /** Each row's frame {@code [starts[i], ends[i])} in sorted-block rows, i counting from the partition's start. */
    private record Frames(int[] starts, int[] ends) {}

    private static Frames frames(WindowCall call, Partition partition) {
        int size = partition.end() - partition.start();
        int[] starts = new int[size];
        int[] ends = new int[size];
        Frame frame = call.frame();
        RangeValues range = frame.rows() ? null : RangeValues.of(call, partition);
        for (int i = 0; i < size; i++) {
            int row = partition.start() + i;
            int from = bound(frame, frame.start(), frame.startOffset(), true, partition, row, range);
            int to = bound(frame, frame.end(), frame.endOffset(), false, partition, row, range);
            from = Math.clamp(from, partition.start(), partition.end());
            to = Math.clamp(to, partition.start(), partition.end());
            starts[i] = from;
            ends[i] = Math.max(from, to);
        }
        return new Frames(starts, ends);
    }

    /** Where a frame bound puts the frame's start (inclusive) or end (exclusive) for one row. */
    private static int bound(
            Frame frame,
            BoundKind kind,
            double offset,
            boolean isStart,
            Partition partition,
            int row,
            RangeValues range) {
        return switch (kind) {
            case UNBOUNDED_PRECEDING -> partition.start();
            case UNBOUNDED_FOLLOWING -> partition.end();
            case CURRENT_ROW -> {
                if (frame.rows()) {
                    yield isStart ? row : row + 1;
                }
                yield isStart ? firstPeer(partition, row) : lastPeer(partition, row);
            }
            case PRECEDING, FOLLOWING -> {
                long distance = (long) offset;
                if (frame.rows()) {
                    long target = kind == BoundKind.PRECEDING ? row - distance : row + distance;
                    yield (int) Math.clamp(isStart ? target : target + 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
                }
                yield range.bound(partition, row, kind == BoundKind.PRECEDING ? -offset : offset, isStart);
            }
        };
    }

    /** The one numeric ORDER BY value of a RANGE frame with offsets, per sorted row. */
    private record RangeValues(Column column, boolean descending) {
        static RangeValues of(WindowCall call, Partition partition) {
            Frame frame = call.frame();
            boolean offsets = frame.start() == BoundKind.PRECEDING
                    || frame.start() == BoundKind.FOLLOWING
                    || frame.end() == BoundKind.PRECEDING
                    || frame.end() == BoundKind.FOLLOWING;
            if (!offsets) {
                return null;
            }
            SortKey key = call.orderKeys().get(0);
            Column column = partition.sorted().column(key.column()).materialize();
            if (!(column instanceof LongColumn) && !(column instanceof DoubleColumn)) {
                throw new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS,
                        "A RANGE frame with an offset needs a numeric, date or time ORDER BY column, found "
                                + key.type().name());
            }
            return new RangeValues(column, key.descending());
        }

        private double value(int row) {
            return column instanceof LongColumn longs ? longs.get(row) : ((DoubleColumn) column).get(row);
        }

        /**
         * The frame bound at {@code value(row) + delta} in the ORDER BY direction (delta is negative for PRECEDING):
         * a start is the first row at or past it, an end one past the last row not beyond it. A row whose value is
         * NULL frames its peers.
         */
        int bound(Partition partition, int row, double delta, boolean isStart) {
            if (column.isNull(row)) {
                return isStart ? firstPeer(partition, row) : lastPeer(partition, row);
            }
            double target = descending ? value(row) - delta : value(row) + delta;
            int low = partition.start();
            int high = partition.end();
            // Rows (NULLs excepted) run in the ORDER BY direction: find the first row past the target (an end)
            // or not before it (a start).
            while (low < high) {
                int middle = (low + high) >>> 1;
                boolean before;
                if (column.isNull(middle)) {
                    // NULLs gather at one end of the partition, on the side they lie on from this row.
                    before = middle < row;
                } else {
                    double value = value(middle);
                    double direction = descending ? target - value : value - target;
                    before = isStart ? direction < 0 : direction <= 0;
                }
                if (before) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    /** lagInFrame, leadInFrame, nth_value: the value of the row they name when it lies in the frame, else the default. */
    private static void navigate(WindowCall call, Partition partition, Frames frames, Values values) {
        int start = partition.start();
        int size = partition.end() - start;
        Column value = partition.sorted().column(call.argumentColumns()[0]).slice(start, size);
        Column fallback = partition.sorted().column(call.argumentColumns()[1]).slice(start, size);
        int first = values.add(value);
        values.add(fallback);
        for (int i = 0; i < size; i++) {
            int row = start + i;
            long target = switch (call.function()) {
                case "lagInFrame" -> (long) row - call.parameter();
                case "leadInFrame" -> (long) row + call.parameter();
                default -> (long) frames.starts()[i] + call.parameter() - 1;
            };
            boolean inFrame = target >= frames.starts()[i] && target < frames.ends()[i];
            values.point(row, inFrame ? first + (int) (target - start) : first + size + i);
        }
    }

    private static void aggregate(WindowCall call, Partition partition, Values values) {
        if (call.frame().start() == BoundKind.UNBOUNDED_PRECEDING) {
            growing(call, partition, values);
        } else {
            sliding(call, partition, frames(call, partition), values);
        }
    }

    /**
     * Frames that all start at the partition's start end in order, so one state is fed up to each frame end in turn;
     * rows whose frames end together share a value.
     */
    private static void growing(WindowCall call, Partition partition, Values values) {
        Frames frames = frames(call, partition);
        AggregateStates states = call.aggregate().newStates();
        int fed = partition.start();
        int lastEnd = -1;
        int value = -1;
        for (int i = 0; i < frames.ends().length; i++) {
            int end = frames.ends()[i];
            if (end != lastEnd) {
                feed(call, partition.sorted(), states, fed, Math.max(fed, end));
                fed = Math.max(fed, end);
                value = values.add(states.result(1));
                lastEnd = end;
            }
            values.point(partition.start() + i, value);
        }
    }

    /** Other frames: every row has a state of its own, fed with its frame's rows. */
    private static void sliding(WindowCall call, Partition partition, Frames frames, Values values) {
        int size = frames.starts().length;
        AggregateStates states = call.aggregate().newStates();
        int[] groups = new int[FEED_BATCH];
        int[] sources = new int[FEED_BATCH];
        int pending = 0;
        for (int i = 0; i < size; i++) {
            for (int row = frames.starts()[i]; row < frames.ends()[i]; row++) {
                groups[pending] = i;
                sources[pending++] = row;
                if (pending == FEED_BATCH) {
                    feedRows(call, partition.sorted(), states, groups, sources, pending, size);
                    pending = 0;
                }
            }
        }
        feedRows(call, partition.sorted(), states, groups, sources, pending, size);
        int first = values.add(states.result(size));
        for (int i = 0; i < size; i++) {
            values.point(partition.start() + i, first + i);
        }
    }

    /** Feeds rows {@code sources} to groups {@code groups}; with none it still sizes the states for every row. */
    private static void feedRows(
            WindowCall call, Block sorted, AggregateStates states, int[] groups, int[] sources, int count, int size) {
        Column[] arguments = new Column[call.argumentColumns().length];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = sorted.column(call.argumentColumns()[i]).take(sources, count);
        }
        states.add(count == groups.length ? groups : java.util.Arrays.copyOf(groups, count), arguments, count, size);
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
