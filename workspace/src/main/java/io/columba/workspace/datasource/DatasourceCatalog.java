package io.columba.workspace.datasource;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.ingest.json.IngestColumn;
import io.columba.ingest.json.IngestSchema;
import io.columba.ingest.json.JsonPath;
import io.columba.storage.block.Block;
import io.columba.storage.column.StringColumn;
import io.columba.storage.type.DataTypeParser;
import io.columba.workspace.datafile.DatasourceDefinition;
import io.columba.workspace.datafile.SchemaColumn;
import io.columba.workspace.service.ServiceTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data sources rows can be ingested into, with how JSON maps onto them: a project's {@code .datasource} files
 * (JSONPaths as declared, {@code $.<column>} where none is), and any other table of the database (every column
 * from {@code $.<column>}, no DEFAULT known). Quarantine tables are not data sources, nor are the tables of the
 * service data sources ({@code tinybird.*}).
 */
public final class DatasourceCatalog {
    private final Database database;
    private final Map<String, IngestSchema> declared = new LinkedHashMap<>();

    public DatasourceCatalog(Database database, List<DatasourceDefinition> definitions) {
        this.database = database;
        for (DatasourceDefinition definition : definitions) {
            declared.put(definition.name(), schema(definition));
        }
    }

    /** The schema of data source {@code name}, or empty when there is no such table. */
    public Optional<IngestSchema> schema(String name) {
        if (name == null || name.isEmpty() || ServiceTable.isServiceTable(name) || !database.tableExists(name)) {
            return Optional.empty();
        }
        IngestSchema schema = declared.get(name);
        return Optional.of(schema != null ? schema : described(name));
    }

    static IngestSchema schema(DatasourceDefinition definition) {
        List<IngestColumn> columns = new ArrayList<>();
        for (SchemaColumn column : definition.columns()) {
            JsonPath path =
                    column.jsonPath() == null ? JsonPath.ofField(column.name()) : JsonPath.parse(column.jsonPath());
            columns.add(new IngestColumn(
                    column.name(), DataTypeParser.parse(column.type()), path, column.defaultExpression()));
        }
        return new IngestSchema(definition.name(), columns);
    }

    private IngestSchema described(String table) {
        QueryResult result =
                database.execute("DESCRIBE TABLE `" + table.replace("`", "\\`") + "`", QuerySettings.forReading());
        List<IngestColumn> columns = new ArrayList<>();
        for (Block block : result.blocks()) {
            StringColumn names = (StringColumn) block.column(0);
            StringColumn types = (StringColumn) block.column(1);
            for (int row = 0; row < block.rowCount(); row++) {
                String name = names.getString(row);
                columns.add(new IngestColumn(
                        name, DataTypeParser.parse(types.getString(row)), JsonPath.ofField(name), null));
            }
        }
        return new IngestSchema(table, columns);
    }
}
