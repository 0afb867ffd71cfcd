package io.columba.executor.operator;

import io.columba.storage.block.Block;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.TupleColumn;
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

    /** About the bytes a block's columns hold in their arrays, as memory accounting counts them. */
    public static long memoryBytes(Block block) {
        long bytes = 0;
        for (Column column : block.columns()) {
            bytes += memoryBytes(column);
        }
        return bytes;
    }

    /** About the bytes a column holds in its arrays (the rows it has, not the capacity behind them). */
    public static long memoryBytes(Column column) {
        long nulls = column.nulls() == null ? 0 : column.size();
        return nulls
                + switch (column) {
                    case LongColumn ignored -> 8L * column.size();
                    case DoubleColumn ignored -> 8L * column.size();
                    case StringColumn strings ->
                        4L * column.size() + strings.offsets()[column.size()] - strings.offsets()[0];
                    case ArrayColumn arrays -> 4L * column.size() + memoryBytes(arrays.elements());
                    case TupleColumn tuples -> {
                        long total = 0;
                        for (Column element : tuples.elements()) {
                            total += memoryBytes(element);
                        }
                        yield total;
                    }
                    case ConstantColumn constant -> memoryBytes(constant.value());
                };
    }
}
