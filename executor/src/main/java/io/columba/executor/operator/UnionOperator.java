package io.columba.executor.operator;

import io.columba.storage.block.Block;
import java.util.List;

/** UNION ALL: the blocks of each child in turn. */
public final class UnionOperator implements Operator {
    private final List<Operator> children;
    private int current;

    public UnionOperator(List<Operator> children) {
        this.children = List.copyOf(children);
    }

    @Override
    public Block next() {
        while (current < children.size()) {
            Block block = children.get(current).next();
            if (block != null) {
                return block;
            }
            current++;
        }
        return null;
    }

    @Override
    public void close() {
        for (Operator child : children) {
            child.close();
        }
    }
}
