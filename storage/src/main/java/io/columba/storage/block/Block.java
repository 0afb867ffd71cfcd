package io.columba.storage.block;

import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/** A row count plus columns of that many rows, without names: the schema lives in the operator. */
public record Block(int rowCount, List<Column> columns) {

    public Block {
        columns = List.copyOf(columns);
        for (Column column : columns) {
            if (column.size() != rowCount) {
                throw new IllegalArgumentException(
                        "column of " + column.size() + " rows in a block of " + rowCount + " rows");
            }
        }
    }

    public Column column(int index) {
        return columns.get(index);
    }

    public int columnCount() {
        return columns.size();
    }

    /** The rows at {@code positions[0..count)}. */
    public Block take(int[] positions, int count) {
        return new Block(
                count, columns.stream().map(c -> c.take(positions, count)).toList());
    }

    public Block slice(int offset, int length) {
        return new Block(
                length, columns.stream().map(c -> c.slice(offset, length)).toList());
    }

    /** The rows of several blocks of the same column types, one after another. */
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
