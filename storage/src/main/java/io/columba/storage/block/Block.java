package io.columba.storage.block;

import io.columba.storage.column.Column;
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
}
