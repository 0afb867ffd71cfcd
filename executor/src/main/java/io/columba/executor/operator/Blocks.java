package io.columba.executor.operator;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/** Gathers all blocks of an operator into one block. */
public final class Blocks {
    private Blocks() {}

    public static List<Block> drain(Operator operator) {
        List<Block> blocks = new ArrayList<>();
        for (Block block = operator.next(); block != null; block = operator.next()) {
            blocks.add(block);
        }
        return blocks;
    }

    /** Concatenates blocks of the given column types. */
    public static Block concat(List<Block> blocks, List<DataType> types) {
        if (blocks.size() == 1) {
            return blocks.get(0);
        }
        int rows = 0;
        for (Block block : blocks) {
            rows += block.rowCount();
        }
        List<Column> columns = new ArrayList<>(types.size());
        for (int c = 0; c < types.size(); c++) {
            ColumnBuilder builder = ColumnBuilder.forType(types.get(c), rows);
            for (Block block : blocks) {
                Column column = block.column(c);
                for (int r = 0; r < block.rowCount(); r++) {
                    builder.appendFrom(column, r);
                }
            }
            columns.add(builder.build());
        }
        return new Block(rows, columns);
    }
}
