package io.columba.executor.operator;

import io.columba.storage.block.Block;

/**
 * LIMIT n OFFSET m; counts the rows it sees, for {@code rows_before_limit_at_least}. Once it has its rows it closes
 * its input instead of reading on (a sort below has counted its whole input already).
 */
public final class LimitOperator implements Operator {
    private final Operator child;
    private final long limit;
    private final long offset;
    private long seen;
    private long emitted;

    public LimitOperator(Operator child, long limit, long offset) {
        this.child = child;
        this.limit = limit;
        this.offset = offset;
    }

    /** Rows that reached the LIMIT (all of them once the child is drained). */
    public long rowsBeforeLimit() {
        // A sort with a row limit passes on only the rows the LIMIT can keep; it counts what it was given.
        return child instanceof SortOperator sort ? Math.max(seen, sort.inputRows()) : seen;
    }

    @Override
    public Block next() {
        if (emitted >= limit) {
            close();
            return null;
        }
        for (Block block = child.next(); block != null; block = child.next()) {
            long start = seen;
            seen += block.rowCount();
            long from = Math.max(0, offset - start);
            if (from >= block.rowCount()) {
                continue;
            }
            long take = Math.min(block.rowCount() - from, limit - emitted);
            emitted += take;
            if (from == 0 && take == block.rowCount()) {
                return block;
            }
            return block.slice((int) from, (int) take);
        }
        return null;
    }

    @Override
    public void close() {
        child.close();
    }
}
