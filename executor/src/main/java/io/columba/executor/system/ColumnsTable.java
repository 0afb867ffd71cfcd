package io.columba.executor.system;

import io.columba.executor.catalog.Catalog;
import io.columba.executor.catalog.TableEntry;
import io.columba.sql.ast.ColumnDeclaration;
import io.columba.sql.ast.EngineClause;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.part.DataPart;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.List;
import java.util.Set;

/**
 * {@code system.columns}: every column of the catalog's tables with its sizes summed over the active parts and
 * whether a key reads it; after ClickHouse 18.16's columns, {@code position} (1-based) and
 * {@code compression_codec} as later versions have them.
 */
final class ColumnsTable {
    private ColumnsTable() {}

    static SystemTable read(Catalog catalog) {
        SystemRows rows = new SystemRows()
                .column("database", StringType.STRING)
                .column("table", StringType.STRING)
                .column("name", StringType.STRING)
                .column("type", StringType.STRING)
                .column("default_kind", StringType.STRING)
                .column("default_expression", StringType.STRING)
                .column("data_compressed_bytes", IntegerType.UINT64)
                .column("data_uncompressed_bytes", IntegerType.UINT64)
                .column("marks_bytes", IntegerType.UINT64)
                .column("comment", StringType.STRING)
                .column("is_in_partition_key", IntegerType.UINT8)
                .column("is_in_sorting_key", IntegerType.UINT8)
                .column("is_in_primary_key", IntegerType.UINT8)
                .column("is_in_sampling_key", IntegerType.UINT8)
                .column("position", IntegerType.UINT64)
                .column("compression_codec", StringType.STRING);
        for (TableEntry entry : catalog.listedEntries()) {
            EngineClause engine = entry.definition().engine();
            Set<String> partitionKey = columnsOf(engine.partitionBy());
            Set<String> sortingKey = columnsOf(engine.orderBy());
            Set<String> primaryKey = engine.primaryKey() == null ? sortingKey : columnsOf(engine.primaryKey());
            Set<String> samplingKey = columnsOf(engine.sampleBy());
            List<ColumnDefinition> definitions = entry.table().schema().columns();
            List<DataPart> parts = entry.table().snapshot();
            List<ColumnDeclaration> declarations = entry.definition().columns();
            for (int i = 0; i < declarations.size(); i++) {
                ColumnDeclaration column = declarations.get(i);
                String name = column.name();
                long[] sizes = sizes(parts, name);
                rows.row(
                        "default",
                        entry.name(),
                        name,
                        definitions.get(i).type().name(),
                        column.defaultExpression() == null ? "" : column.defaultKind(),
                        column.defaultExpression() == null
                                ? ""
                                : ExpressionFormatter.format(column.defaultExpression()),
                        sizes[0],
                        sizes[1],
                        sizes[2],
                        column.comment() == null ? "" : column.comment(),
                        partitionKey.contains(name),
                        sortingKey.contains(name),
                        primaryKey.contains(name),
                        samplingKey.contains(name),
                        i + 1,
                        column.codecs().isEmpty() ? "" : "CODEC(" + String.join(", ", column.codecs()) + ")");
            }
        }
        return rows.build();
    }

    private static Set<String> columnsOf(Expression key) {
        return key == null ? Set.of() : Catalog.columnsOf(key);
    }

    /** Compressed, uncompressed and marks bytes of a column over the parts that hold it. */
    private static long[] sizes(List<DataPart> parts, String name) {
        long[] sizes = new long[3];
        for (DataPart part : parts) {
            List<ColumnDefinition> columns = part.columns();
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equals(name)) {
                    sizes[0] += part.compressedBytes(c);
                    sizes[1] += part.uncompressedBytes(c);
                    sizes[2] += part.marksBytes(c);
                }
            }
        }
        return sizes;
    }
}
