package io.columba.executor.operator;

import io.columba.storage.block.Block;
import io.columba.storage.column.LongColumn;
import java.util.List;

/** The table function {@code numbers([offset,] count)}: a UInt64 column {@code number}. */
public final class NumbersOperator implements Operator {
    private static final int BLOCK = 65536;
    private final long end;
    private final QueryContext context;
    private long next;

    public NumbersOperator(long offset, long count, QueryContext context) {
        this.next = offset;
        // numbers without a bound (system.numbers) runs to the end of UInt64's positive half.
        this.end = count > Long.MAX_VALUE - offset ? Long.MAX_VALUE : offset + count;
        this.context = context;
    }

    @Override
    public Block next() {
        if (next >= end || context.stopped()) {
            return null;
        }
        int rows = (int) Math.min(BLOCK, end - next);
        long[] values = new long[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = next + i;
        }
        next += rows;
        context.add(rows, 8L * rows);
        return new Block(rows, List.of(new LongColumn(values, null, rows)));
    }
}
