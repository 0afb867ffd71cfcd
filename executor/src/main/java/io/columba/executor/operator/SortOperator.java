package io.columba.executor.operator;

import io.columba.storage.block.Block;
import io.columba.storage.type.DataType;
import java.util.List;

/** Sorts all input rows by the keys (a full, stable sort). */
public final class SortOperator implements Operator {
    private final Operator child;
    private final List<SortKey> keys;
    private final List<DataType> types;
    private boolean done;

    public SortOperator(Operator child, List<SortKey> keys, List<DataType> types) {
        this.child = child;
        this.keys = List.copyOf(keys);
        this.types = List.copyOf(types);
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
        int[] order = new RowComparator(keys, all).sortedPermutation(all.rowCount());
        return all.take(order, order.length);
    }
}
