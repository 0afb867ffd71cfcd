package io.columba.workspace.datafile;

import java.util.List;

/**
 * A parsed {@code .datasource} file. {@code name} is the file's base name; {@code description} is null when the
 * file has none.
 */
public record DatasourceDefinition(
        String name,
        String description,
        List<SchemaColumn> columns,
        EngineDefinition engine,
        List<ResourceToken> tokens) {
    public DatasourceDefinition {
        columns = List.copyOf(columns);
        tokens = List.copyOf(tokens);
    }

    /** Whether any column maps a JSONPath, i.e. the data source accepts NDJSON by path. */
    public boolean hasJsonPaths() {
        for (SchemaColumn column : columns) {
            if (column.jsonPath() != null) {
                return true;
            }
        }
        return false;
    }
}
