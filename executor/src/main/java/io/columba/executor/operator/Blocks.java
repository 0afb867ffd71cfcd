package io.columba.executor.operator;

import io.columba.storage.block.Block;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/** Gathers all blocks of an operator into one block. */
public final class Blocks {
    private Blocks() {}

    /** Every block of {@code operator}, which is closed afterwards (also when it fails). */
    public static List<Block> drain(Operator operator) {
        List<Block> blocks = new ArrayList<>();
        try {
            for (Block block = operator.next(); block != null; block = operator.next()) {
                blocks.add(block);
            }
        } finally {
            operator.close();
        }
        return blocks;
    }

    /** Concatenates blocks of the given column types. */
    public static Block concat(List<Block> blocks, List<DataType> types) {
        return Block.concat(blocks, types);
    }
}
