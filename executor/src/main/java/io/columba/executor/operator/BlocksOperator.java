package io.columba.executor.operator;

import io.columba.storage.block.Block;
import java.util.Iterator;
import java.util.List;

/** Blocks already in memory (VALUES, constant sources, materialized subqueries). */
public final class BlocksOperator implements Operator {
    private final Iterator<Block> blocks;

    public BlocksOperator(List<Block> blocks) {
        this.blocks = blocks.iterator();
    }

    @Override
    public Block next() {
        return blocks.hasNext() ? blocks.next() : null;
    }
}
