package io.columba.executor.system;

import io.columba.executor.catalog.Catalog;
import io.columba.executor.catalog.TableEntry;
import io.columba.sql.ast.CreateTableFormatter;
import io.columba.sql.ast.EngineClause;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.storage.part.DataPart;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code system.tables}: the catalog's tables (database {@code default}) and the system tables, with their keys as
 * text and, as later ClickHouse versions add, {@code total_rows} and {@code total_bytes} (NULL for system tables).
 */
final class TablesTable {
    private static final DataType STRINGS = new ArrayType(StringType.STRING);

    private TablesTable() {}

    static SystemTable read(Catalog catalog) {
        SystemRows rows = new SystemRows()
                .column("database", StringType.STRING)
                .column("name", StringType.STRING)
                .column("engine", StringType.STRING)
                .column("is_temporary", IntegerType.UINT8)
                .column("data_path", StringType.STRING)
                .column("metadata_path", StringType.STRING)
                .column("metadata_modification_time", DateTimeType.DATETIME)
                .column("dependencies_database", STRINGS)
                .column("dependencies_table", STRINGS)
                .column("create_table_query", StringType.STRING)
                .column("engine_full", StringType.STRING)
                .column("partition_key", StringType.STRING)
                .column("sorting_key", StringType.STRING)
                .column("primary_key", StringType.STRING)
                .column("sampling_key", StringType.STRING)
                .column("total_rows", NullableType.of(IntegerType.UINT64))
                .column("total_bytes", NullableType.of(IntegerType.UINT64));
        for (TableEntry entry : catalog.listedEntries()) {
            EngineClause engine = entry.definition().engine();
            List<DataPart> parts = entry.table().snapshot();
            long rowCount = 0;
            long bytes = 0;
            for (DataPart part : parts) {
                rowCount += part.rowCount();
                bytes += PartsTable.bytesOnDisk(part);
            }
            Expression primaryKey = engine.primaryKey() != null ? engine.primaryKey() : engine.orderBy();
            rows.row(
                    "default",
                    entry.name(),
                    entry.engineName(),
                    0,
                    catalog.dataFolder().resolve(entry.name()) + "/",
                    catalog.metadataFile(entry.name()).toString(),
                    modificationTime(catalog.metadataFile(entry.name())),
                    List.of(),
                    List.of(),
                    entry.createSql(),
                    engineFull(entry),
                    keyText(engine.partitionBy(), false),
                    keyText(engine.orderBy(), true),
                    keyText(primaryKey, true),
                    keyText(engine.sampleBy(), false),
                    rowCount,
                    bytes);
        }
        for (Map.Entry<String, String> system : SystemTables.ENGINES.entrySet()) {
            rows.row(
                    SystemTables.DATABASE,
                    system.getKey(),
                    system.getValue(),
                    0,
                    "",
                    "",
                    0,
                    List.of(),
                    List.of(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    null,
                    null);
        }
        return rows.build();
    }

    /** The ENGINE clause and what follows it, on one line. */
    private static String engineFull(TableEntry entry) {
        String sql = CreateTableFormatter.format(entry.definition());
        int at = sql.indexOf("\nENGINE = ");
        return at < 0 ? "" : sql.substring(at + "\nENGINE = ".length()).replace('\n', ' ');
    }

    /** A key as ClickHouse lists it: the elements of a tuple key separated by commas, without the parentheses. */
    static String keyText(Expression key, boolean unwrapTuple) {
        if (key == null) {
            return "";
        }
        if (!unwrapTuple) {
            return ExpressionFormatter.format(key);
        }
        List<String> elements = new ArrayList<>();
        for (Expression element : Catalog.tupleElements(key)) {
            elements.add(ExpressionFormatter.format(element));
        }
        return String.join(", ", elements);
    }

    /** A file's modification time in epoch seconds, 0 when it is gone. */
    static long modificationTime(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() / 1000;
        } catch (java.nio.file.NoSuchFileException gone) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
