package io.columba.executor.system;

import io.columba.executor.catalog.Catalog;
import io.columba.storage.type.StringType;

/** {@code system.databases}: {@code default}, which holds every table, and {@code system}. */
final class DatabasesTable {
    private DatabasesTable() {}

    static SystemTable read(Catalog catalog) {
        SystemRows rows = new SystemRows()
                .column("name", StringType.STRING)
                .column("engine", StringType.STRING)
                .column("data_path", StringType.STRING)
                .column("metadata_path", StringType.STRING);
        rows.row(
                "default",
                "Ordinary",
                catalog.dataFolder() + "/",
                catalog.metadataFile("x").getParent() + "/");
        rows.row(SystemTables.DATABASE, "Ordinary", "", "");
        return rows.build();
    }
}
