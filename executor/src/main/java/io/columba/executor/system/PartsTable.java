package io.columba.executor.system;

import io.columba.executor.catalog.Catalog;
import io.columba.executor.catalog.TableEntry;
import io.columba.storage.part.DataPart;
import io.columba.storage.part.PartName;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code system.parts}: the active parts of every table (the ones a query reads now; parts a merge replaced are
 * not listed), their sizes read from the part's files. A partition's value is its id ({@code tuple()} for the one
 * partition of an unpartitioned table); the min/max date and time columns, which ClickHouse 18.16 fills only for
 * old-style Date partitioning, are zero.
 */
final class PartsTable {
    private PartsTable() {}

    static SystemTable read(Catalog catalog) {
        SystemRows rows = new SystemRows()
                .column("partition", StringType.STRING)
                .column("name", StringType.STRING)
                .column("active", IntegerType.UINT8)
                .column("marks", IntegerType.UINT64)
                .column("rows", IntegerType.UINT64)
                .column("bytes_on_disk", IntegerType.UINT64)
                .column("data_compressed_bytes", IntegerType.UINT64)
                .column("data_uncompressed_bytes", IntegerType.UINT64)
                .column("marks_bytes", IntegerType.UINT64)
                .column("modification_time", DateTimeType.DATETIME)
                .column("remove_time", DateTimeType.DATETIME)
                .column("refcount", IntegerType.UINT32)
                .column("min_date", DateType.DATE)
                .column("max_date", DateType.DATE)
                .column("min_time", DateTimeType.DATETIME)
                .column("max_time", DateTimeType.DATETIME)
                .column("partition_id", StringType.STRING)
                .column("min_block_number", IntegerType.INT64)
                .column("max_block_number", IntegerType.INT64)
                .column("level", IntegerType.UINT32)
                .column("data_version", IntegerType.UINT64)
                .column("primary_key_bytes_in_memory", IntegerType.UINT64)
                .column("primary_key_bytes_in_memory_allocated", IntegerType.UINT64)
                .column("database", StringType.STRING)
                .column("table", StringType.STRING)
                .column("engine", StringType.STRING)
                .column("path", StringType.STRING);
        for (TableEntry entry : catalog.listedEntries()) {
            for (DataPart part : entry.table().snapshot()) {
                PartName name = part.name();
                long compressed = 0;
                long uncompressed = 0;
                long marks = 0;
                for (int c = 0; c < part.columns().size(); c++) {
                    compressed += part.compressedBytes(c);
                    uncompressed += part.uncompressedBytes(c);
                    marks += part.marksBytes(c);
                }
                rows.row(
                        name.partitionId().equals("all") ? "tuple()" : name.partitionId(),
                        name.toString(),
                        1,
                        part.granuleCount(),
                        part.rowCount(),
                        bytesOnDisk(part),
                        compressed,
                        uncompressed,
                        marks,
                        TablesTable.modificationTime(part.folder()),
                        0,
                        1,
                        0,
                        0,
                        0,
                        0,
                        name.partitionId(),
                        name.minBlock(),
                        name.maxBlock(),
                        name.level(),
                        name.minBlock(),
                        0,
                        0,
                        "default",
                        entry.name(),
                        entry.engineName(),
                        part.folder() + "/");
            }
        }
        return rows.build();
    }

    /** Bytes of every file in the part's folder; 0 once a merge's cleanup deleted it. */
    static long bytesOnDisk(DataPart part) {
        Path folder = part.folder();
        long bytes = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                bytes += Files.size(file);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }
}
