package io.columba.storage.engine;

import io.columba.storage.block.Block;
import io.columba.storage.codec.CompressionMethod;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.DataPart;
import io.columba.storage.part.PartName;
import io.columba.storage.part.PartWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A MergeTree table on disk: a folder of immutable parts. Readers take a {@link #snapshot()} (a fixed list of
 * parts) and never see a part before it is complete; leftovers of interrupted writes ({@code tmp_*}) are removed
 * when the table opens.
 */
public final class MergeTreeTable {
    private final Path folder;
    private final TableSchema schema;
    private final TableSettings settings;
    private final AtomicReference<List<DataPart>> parts = new AtomicReference<>(List.of());
    private final Object writeLock = new Object();
    private long nextBlockNumber = 1;

    public MergeTreeTable(Path folder, TableSchema schema, TableSettings settings) {
        this.folder = folder;
        this.schema = schema;
        this.settings = settings;
        try {
            Files.createDirectories(folder);
            load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open table folder " + folder, e);
        }
    }

    private void load() throws IOException {
        List<DataPart> loaded = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith("tmp_")) {
                    deleteRecursively(child);
                } else if (Files.isDirectory(child) && PartName.parse(name) != null) {
                    DataPart part = DataPart.open(child);
                    loaded.add(part);
                    nextBlockNumber = Math.max(nextBlockNumber, part.name().maxBlock() + 1);
                }
            }
        }
        loaded.sort(PART_ORDER);
        parts.set(List.copyOf(loaded));
    }

    private static final Comparator<DataPart> PART_ORDER = Comparator.comparing(
                    (DataPart p) -> p.name().partitionId())
            .thenComparingLong(p -> p.name().minBlock());

    public TableSchema schema() {
        return schema;
    }

    public TableSettings settings() {
        return settings;
    }

    /** The parts a query reads: fixed for the query, whatever inserts or merges happen meanwhile. */
    public List<DataPart> snapshot() {
        return parts.get();
    }

    public long rowCount() {
        long rows = 0;
        for (DataPart part : snapshot()) {
            rows += part.rowCount();
        }
        return rows;
    }

    /**
     * Writes rows already sorted by the sorting key, with that key's values, as one new part of partition
     * {@code partitionId}; visible to new snapshots once this returns.
     */
    public DataPart insertSorted(String partitionId, Block sortedRows, Block sortedKeys) {
        if (sortedRows.rowCount() == 0) {
            return null;
        }
        if (sortedRows.columnCount() != schema.columns().size()) {
            throw new ColumbaException(
                    ErrorCode.LOGICAL_ERROR,
                    "insert of " + sortedRows.columnCount() + " columns into a table of "
                            + schema.columns().size());
        }
        synchronized (writeLock) {
            long block = nextBlockNumber++;
            PartName name = new PartName(partitionId, block, block, 0);
            try {
                DataPart part = PartWriter.write(
                        folder, name, schema, sortedRows, sortedKeys, settings.granuleRows(), CompressionMethod.LZ4);
                List<DataPart> next = new ArrayList<>(parts.get());
                next.add(part);
                next.sort(PART_ORDER);
                parts.set(List.copyOf(next));
                return part;
            } catch (IOException e) {
                throw new ColumbaException(ErrorCode.CANNOT_OPEN_FILE, "Cannot write part " + name + ": " + e, e);
            }
        }
    }

    /** Removes every part and the folder (DROP TABLE). */
    public void deleteData() {
        synchronized (writeLock) {
            parts.set(List.of());
            try {
                deleteRecursively(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
