package io.columba.executor.system;

import io.columba.executor.catalog.Catalog;
import io.columba.executor.catalog.TableEntry;
import io.columba.storage.engine.MergeTreeTable;
import io.columba.storage.part.DataPart;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code system.merges}: the merge each table is running now (a table runs one at a time). Progress is the share
 * of the result's columns written (a merge that combines rows writes them all at its end); rows read and written
 * follow it, and the uncompressed byte counters and memory usage, which merges do not count, are 0.
 */
final class MergesTable {
    private MergesTable() {}

    static SystemTable read(Catalog catalog) {
        SystemRows rows = new SystemRows()
                .column("database", StringType.STRING)
                .column("table", StringType.STRING)
                .column("elapsed", FloatType.FLOAT64)
                .column("progress", FloatType.FLOAT64)
                .column("num_parts", IntegerType.UINT64)
                .column("source_part_names", new ArrayType(StringType.STRING))
                .column("result_part_name", StringType.STRING)
                .column("partition_id", StringType.STRING)
                .column("total_size_bytes_compressed", IntegerType.UINT64)
                .column("total_size_marks", IntegerType.UINT64)
                .column("bytes_read_uncompressed", IntegerType.UINT64)
                .column("rows_read", IntegerType.UINT64)
                .column("bytes_written_uncompressed", IntegerType.UINT64)
                .column("rows_written", IntegerType.UINT64)
                .column("columns_written", IntegerType.UINT64)
                .column("memory_usage", IntegerType.UINT64)
                .column("thread_number", IntegerType.UINT64);
        for (TableEntry entry : catalog.listedEntries()) {
            MergeTreeTable.RunningMerge merge = entry.table().runningMerge();
            if (merge == null) {
                continue;
            }
            List<String> sources = new ArrayList<>();
            long compressed = 0;
            long marks = 0;
            long sourceRows = 0;
            for (DataPart part : merge.sources()) {
                sources.add(part.name().toString());
                compressed += PartsTable.bytesOnDisk(part);
                marks += part.granuleCount();
                sourceRows += part.rowCount();
            }
            int written = merge.columnsWritten().get();
            double progress = merge.columns() == 0 ? 0 : (double) written / merge.columns();
            rows.row(
                    "default",
                    entry.name(),
                    (System.nanoTime() - merge.startedNanos()) / 1e9,
                    progress,
                    merge.sources().size(),
                    sources,
                    merge.result().toString(),
                    merge.result().partitionId(),
                    compressed,
                    marks,
                    0,
                    (long) (sourceRows * progress),
                    0,
                    (long) (sourceRows * progress),
                    written,
                    0,
                    0);
        }
        return rows.build();
    }
}
