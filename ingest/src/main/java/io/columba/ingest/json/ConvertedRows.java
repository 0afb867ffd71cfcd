package io.columba.ingest.json;

import io.columba.storage.block.Block;
import io.columba.storage.type.DataType;
import java.util.List;

/**
 * Rows ready to insert: those that convert to the table's types as a block of {@code columns} (of {@code types},
 * the values an insert of their text gives), and those that do not as JSONEachRow lines for the quarantine table
 * (empty when there are none).
 */
public record ConvertedRows(
        List<String> columns, List<DataType> types, Block rows, String quarantineRows, int quarantineCount) {
    public ConvertedRows {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
    }

    public int rowCount() {
        return rows.rowCount();
    }
}
