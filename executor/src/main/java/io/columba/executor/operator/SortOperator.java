package io.columba.executor.operator;

import io.columba.storage.block.Block;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts all input rows by the keys (a stable sort). With a row limit (LIMIT n OFFSET m gives n + m) it keeps only
 * the best rows seen so far: once that many are held, an incoming row passes only if it sorts strictly before the
 * last one held, so most rows of a large input are dropped by one comparison and never copied.
 */
public final class SortOperator implements Operator {
    /** Rows gathered before the held rows are re-sorted and cut back to the limit. */
    private static final int COMPACT_ROWS = 65_536;

    private final List<Operator> children;
    private final List<SortKey> keys;
    private final List<DataType> types;
    private final long limit;
    private boolean done;
    private final java.util.concurrent.atomic.AtomicLong inputRows = new java.util.concurrent.atomic.AtomicLong();

    /** The rows held for sorting count against {@code max_memory_usage} here; null: not accounted. */
    private final QueryContext context;

    public SortOperator(Operator child, List<SortKey> keys, List<DataType> types) {
        this(child, keys, types, Long.MAX_VALUE);
    }

    public SortOperator(Operator child, List<SortKey> keys, List<DataType> types, long limit) {
        this(List.of(child), keys, types, limit, null);
    }

    public SortOperator(List<Operator> children, List<SortKey> keys, List<DataType> types, long limit) {
        this(children, keys, types, limit, null);
    }

    /**
     * Sorts the rows of several children, each on its own thread (keeping its own top rows when there is a limit),
     * then merges them. Children come in input order and the sort is stable, so ties keep that order.
     */
    public SortOperator(
            List<Operator> children, List<SortKey> keys, List<DataType> types, long limit, QueryContext context) {
        this.children = List.copyOf(children);
        this.context = context;
        this.keys = List.copyOf(keys);
        this.types = List.copyOf(types);
        this.limit = limit;
    }

    /** Rows the sort was given (all of them once it has returned its first block). */
    long inputRows() {
        return inputRows.get();
    }

    @Override
    public Block next() {
        if (done) {
            return null;
        }
        done = true;
        int rows = limit >= Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : (int) limit;
        if (children.size() == 1) {
            return sortChild(children.get(0), rows);
        }
        List<java.util.function.Supplier<Block>> tasks = new ArrayList<>();
        for (Operator child : children) {
            tasks.add(() -> sortChild(child, rows));
        }
        List<Block> sorted = new ArrayList<>();
        for (Block block : Workers.runAll(tasks)) {
            if (block != null) {
                sorted.add(block);
            }
        }
        return sorted.isEmpty() ? null : sorted(Blocks.concat(sorted, types), rows);
    }

    private Block sortChild(Operator child, int rows) {
        if (rows == Integer.MAX_VALUE) {
            List<Block> blocks = new ArrayList<>();
            long held = 0;
            try {
                for (Block block = child.next(); block != null; block = child.next()) {
                    inputRows.addAndGet(block.rowCount());
                    long bytes = Blocks.memoryBytes(block);
                    track(bytes);
                    held += bytes;
                    blocks.add(block);
                }
                // Sorting copies the rows once more.
                track(held);
                held *= 2;
                return blocks.isEmpty() ? null : sorted(Blocks.concat(blocks, types), rows);
            } finally {
                child.close();
                track(-held);
            }
        }
        return topRows(child, rows);
    }

    private Block topRows(Operator child, int rows) {
        if (rows == 0) {
            Blocks.drain(child).forEach(block -> inputRows.addAndGet(block.rowCount()));
            return null;
        }
        Block held = null;
        RowComparator heldOrder = null;
        List<Block> pending = new ArrayList<>();
        long pendingRows = 0;
        for (Block block = child.next(); block != null; block = child.next()) {
            inputRows.addAndGet(block.rowCount());
            if (heldOrder != null && held.rowCount() == rows) {
                block = beforeLast(block, heldOrder, held.rowCount() - 1);
            }
            if (block.rowCount() == 0) {
                continue;
            }
            pending.add(block);
            pendingRows += block.rowCount();
            if (pendingRows >= Math.max(COMPACT_ROWS, 2L * rows)) {
                held = compact(held, pending, rows);
                heldOrder = new RowComparator(keys, held);
                pending.clear();
                pendingRows = 0;
            }
        }
        if (!pending.isEmpty()) {
            held = compact(held, pending, rows);
        }
        return held;
    }

    private void track(long bytes) {
        if (context != null) {
            context.trackMemory(bytes);
        }
    }

    /** The rows of {@code block} that sort strictly before row {@code last} of the held rows. */
    private Block beforeLast(Block block, RowComparator heldOrder, int last) {
        RowComparator order = new RowComparator(keys, block);
        int[] selection = new int[block.rowCount()];
        int count = 0;
        for (int i = 0; i < block.rowCount(); i++) {
            if (order.compareAcross(i, heldOrder, last) < 0) {
                selection[count++] = i;
            }
        }
        return count == block.rowCount() ? block : block.take(selection, count);
    }

    private Block compact(Block held, List<Block> pending, int rows) {
        List<Block> blocks = new ArrayList<>();
        if (held != null) {
            blocks.add(held);
        }
        blocks.addAll(pending);
        return sorted(Blocks.concat(blocks, types), rows);
    }

    private Block sorted(Block all, int rows) {
        int[] order = new RowComparator(keys, all).sortedPermutation(all.rowCount());
        return all.take(order, Math.min(rows, order.length));
    }
}
