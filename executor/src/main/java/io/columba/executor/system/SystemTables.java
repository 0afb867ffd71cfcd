package io.columba.executor.system;

import io.columba.executor.QuerySettings;
import io.columba.executor.catalog.Catalog;
import io.columba.executor.function.FunctionRegistry;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.IntegerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code system} database: tables computed when a query reads them, from the live catalog, the function
 * registry, the query's settings and the storage's parts and merges. Column names and types are ClickHouse
 * 18.16's; a few later ClickHouse columns follow them (system.tables' {@code total_rows}, {@code total_bytes}).
 * {@code numbers} and {@code numbers_mt} are endless: the planner streams them instead of reading them here.
 */
public record SystemTables(Catalog catalog, FunctionRegistry functions, QuerySettings settings) {
    public static final String DATABASE = "system";

    /** Table names to ClickHouse's engine names, as system.tables lists them. */
    static final Map<String, String> ENGINES = engines();

    private static Map<String, String> engines() {
        Map<String, String> engines = new LinkedHashMap<>();
        engines.put("columns", "SystemColumns");
        engines.put("databases", "SystemDatabases");
        engines.put("functions", "SystemFunctions");
        engines.put("merges", "SystemMerges");
        engines.put("numbers", "SystemNumbers");
        engines.put("numbers_mt", "SystemNumbers");
        engines.put("one", "SystemOne");
        engines.put("parts", "SystemParts");
        engines.put("settings", "SystemSettings");
        engines.put("tables", "SystemTables");
        return engines;
    }

    public static List<String> names() {
        return List.copyOf(ENGINES.keySet());
    }

    public static boolean exists(String table) {
        return ENGINES.containsKey(table);
    }

    /** The rows of {@code system.<table>} now; UNKNOWN_TABLE when there is no such table. */
    public SystemTable read(String table) {
        return switch (table) {
            case "one" -> one();
            case "numbers", "numbers_mt" ->
                new SystemRows().column("number", IntegerType.UINT64).build();
            case "databases" -> DatabasesTable.read(catalog);
            case "tables" -> TablesTable.read(catalog);
            case "columns" -> ColumnsTable.read(catalog);
            case "functions" -> FunctionsTable.read(functions);
            case "settings" -> SettingsTable.read(settings);
            case "parts" -> PartsTable.read(catalog);
            case "merges" -> MergesTable.read(catalog);
            default ->
                throw new ColumbaException(
                        ErrorCode.UNKNOWN_TABLE, "Table " + DATABASE + "." + table + " doesn't exist.");
        };
    }

    private static SystemTable one() {
        SystemRows rows = new SystemRows().column("dummy", IntegerType.UINT8);
        rows.row(0);
        return rows.build();
    }
}
