package io.columba.executor.operator;

import io.columba.storage.block.Block;
import java.util.List;

/**
 * LIMIT n OFFSET m; counts the rows it sees, for {@code rows_before_limit_at_least}. Once it has its rows it closes
 * its input instead of reading on (a sort below has counted its whole input already).
 */
public final class LimitOperator implements Operator {
    private final Operator child;
    private final long limit;
    private final long offset;
    private final List<SortKey> ties;
    private long seen;
    private long emitted;
    /** The last row within the limit, by the sort keys, once the limit is reached WITH TIES. */
    private RowComparator lastRow;

    private boolean done;

    public LimitOperator(Operator child, long limit, long offset) {
        this(child, limit, offset, null);
    }

    /**
     * {@code LIMIT n WITH TIES} when {@code ties} (the ORDER BY keys of the sorted input) is not null: the rows after
     * the n-th that equal it on those keys are kept too.
     */
    public LimitOperator(Operator child, long limit, long offset, List<SortKey> ties) {
        this.child = child;
        this.limit = limit;
        this.offset = offset;
        this.ties = ties == null ? null : List.copyOf(ties);
    }

    /** Rows that reached the LIMIT (all of them once the child is drained). */
    public long rowsBeforeLimit() {
        // A sort with a row limit passes on only the rows the LIMIT can keep; it counts what it was given.
        return child instanceof SortOperator sort ? Math.max(seen, sort.inputRows()) : seen;
    }

    @Override
    public Block next() {
        if (done || (emitted >= limit && lastRow == null)) {
            close();
            return null;
        }
        for (Block block = child.next(); block != null; block = child.next()) {
            long start = seen;
            seen += block.rowCount();
            int from = (int) Math.max(0, Math.min(block.rowCount(), offset - start));
            if (from >= block.rowCount()) {
                continue;
            }
            int take;
            if (emitted >= limit) {
                take = ties(block, from);
                done = from + take < block.rowCount();
            } else {
                take = (int) Math.min(block.rowCount() - from, limit - emitted);
                emitted += take;
                if (emitted >= limit && ties != null) {
                    lastRow = new RowComparator(ties, block.slice(from + take - 1, 1));
                    take += ties(block, from + take);
                    done = from + take < block.rowCount();
                }
            }
            if (take == 0) {
                close();
                return null;
            }
            if (from == 0 && take == block.rowCount()) {
                return block;
            }
            return block.slice(from, take);
        }
        return null;
    }

    /** How many rows of {@code block} from {@code from} on equal the last row within the limit. */
    private int ties(Block block, int from) {
        RowComparator rows = new RowComparator(ties, block);
        int end = from;
        while (end < block.rowCount() && lastRow.compareAcross(0, rows, end) == 0) {
            end++;
        }
        return end - from;
    }

    @Override
    public void close() {
        child.close();
    }
}
