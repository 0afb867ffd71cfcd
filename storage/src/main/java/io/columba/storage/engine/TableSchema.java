package io.columba.storage.engine;

import io.columba.storage.index.SkipIndex;
import io.columba.storage.type.DataType;
import java.util.List;

/**
 * The columns of a table and the types of its primary key expressions (whose values the sparse index keeps).
 * The key expressions themselves are evaluated by the executor, which hands sorted rows and key values in; the
 * data skipping indexes carry their expressions' evaluators.
 */
public record TableSchema(List<ColumnDefinition> columns, List<DataType> keyTypes, List<SkipIndex> indexes) {

    public TableSchema {
        columns = List.copyOf(columns);
        keyTypes = List.copyOf(keyTypes);
        indexes = List.copyOf(indexes);
    }

    public TableSchema(List<ColumnDefinition> columns, List<DataType> keyTypes) {
        this(columns, keyTypes, List.of());
    }

    /** The position of the column named {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
