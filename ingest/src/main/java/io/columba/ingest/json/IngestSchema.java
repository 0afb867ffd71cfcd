package io.columba.ingest.json;

import java.util.ArrayList;
import java.util.List;

/** How JSON rows map onto a table: the table's name and its columns, each with its JSONPath. */
public record IngestSchema(String table, List<IngestColumn> columns) {
    public IngestSchema {
        columns = List.copyOf(columns);
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (IngestColumn column : columns) {
            names.add(column.name());
        }
        return names;
    }
}
