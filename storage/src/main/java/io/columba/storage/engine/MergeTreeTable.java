package io.columba.storage.engine;

import io.columba.storage.block.Block;
import io.columba.storage.codec.CompressionMethod;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.DataPart;
import io.columba.storage.part.PartName;
import io.columba.storage.part.PartWriter;
import io.columba.storage.type.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A MergeTree table on disk: a folder of immutable parts. Readers take a {@link #snapshot()} (a fixed list of
 * parts) and never see a part before it is complete. Background merges join adjacent parts of a partition into
 * one ({@code P_a_d_level+1}); the parts they replace stay on disk for running queries and are deleted later. At
 * open, leftovers of interrupted writes ({@code tmp_*}) and parts covered by a merged part are removed.
 */
public final class MergeTreeTable {
    /**
     * Parts a partition may keep before the background merge joins the smallest neighbours (fewer when inserts are
     * delayed sooner): each merge rewrites its rows, so fewer merges of bigger runs keep a stream of small inserts
     * from being rewritten again and again (with {@link MergeSelector#MAX_PARTS_TO_MERGE_AT_ONCE} as many, a row
     * is rewritten about log16 of the inserts times instead of log8, and merges compete less with ingestion).
     */
    static final int PARTS_BEFORE_MERGE = 16;

    private static final long OUTDATED_LIFETIME_NANOS = 60_000_000_000L;

    private final Path folder;
    private final TableSchema schema;
    private final TableSettings settings;
    private final SortingKey sortingKey;
    private final MergingMode mergingMode;
    private final TableExpiry expiry;
    private final java.util.NavigableSet<Long> inFlight = new java.util.concurrent.ConcurrentSkipListSet<>();
    private final AtomicReference<List<DataPart>> parts = new AtomicReference<>(List.of());
    private final Object writeLock = new Object();
    private final Object mergeLock = new Object();
    private final Map<DataPart, Long> outdated = new LinkedHashMap<>();
    private volatile RunningMerge runningMerge;
    private volatile boolean dropped;
    private volatile boolean detached;
    private long nextBlockNumber = 1;
    private final java.util.concurrent.atomic.AtomicLong stagedParts = new java.util.concurrent.atomic.AtomicLong();

    public MergeTreeTable(Path folder, TableSchema schema, TableSettings settings) {
        this(folder, schema, settings, null, MergingMode.ORDINARY);
    }

    /**
     * A table whose parts merge in the background, combining rows of equal keys as {@code mergingMode} says;
     * without a sorting key no merge happens.
     */
    public MergeTreeTable(
            Path folder, TableSchema schema, TableSettings settings, SortingKey sortingKey, MergingMode mergingMode) {
        this(folder, schema, settings, sortingKey, mergingMode, null);
    }

    /** As above, with a row TTL ({@code expiry}, null for none) that merges apply. */
    public MergeTreeTable(
            Path folder,
            TableSchema schema,
            TableSettings settings,
            SortingKey sortingKey,
            MergingMode mergingMode,
            RowExpiry expiry) {
        this.expiry =
                expiry == null ? TableExpiry.NONE : new TableExpiry(expiry, settings.mergeWithTtlTimeoutSeconds());
        this.folder = folder;
        this.schema = schema;
        this.settings = settings;
        this.sortingKey = sortingKey;
        this.mergingMode = mergingMode;
        try {
            Files.createDirectories(folder);
            load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open table folder " + folder, e);
        }
        if (sortingKey != null) {
            MergeScheduler.schedulePeriodic(this);
            MergeScheduler.request(this);
        }
    }

    private void load() throws IOException {
        StagedPublication.recover(folder);
        Map<PartName, Path> found = new LinkedHashMap<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith("tmp_")) {
                    deleteRecursively(child);
                } else if (Files.isDirectory(child) && PartName.parse(name) != null) {
                    found.put(PartName.parse(name), child);
                }
            }
        }
        // A part a merged part covers is dropped by its name alone: its files may be half deleted already (the
        // process stopped while removing it), so it is never opened.
        List<DataPart> active = new ArrayList<>();
        for (Map.Entry<PartName, Path> entry : found.entrySet()) {
            if (isCovered(entry.getKey(), found.keySet())) {
                deleteRecursively(entry.getValue());
                continue;
            }
            DataPart part = DataPart.open(entry.getValue());
            active.add(part);
            nextBlockNumber = Math.max(nextBlockNumber, part.name().maxBlock() + 1);
        }
        active.sort(PART_ORDER);
        parts.set(List.copyOf(active));
    }

    /** A part whose blocks a merged part of the same partition also holds (the merge committed, the delete didn't). */
    private static boolean isCovered(PartName name, Collection<PartName> all) {
        for (PartName cover : all) {
            if (!cover.equals(name)
                    && cover.partitionId().equals(name.partitionId())
                    && cover.minBlock() <= name.minBlock()
                    && cover.maxBlock() >= name.maxBlock()
                    && cover.level() > name.level()) {
                return true;
            }
        }
        return false;
    }

    private static final Comparator<DataPart> PART_ORDER = Comparator.comparing(
                    (DataPart p) -> p.name().partitionId())
            .thenComparingLong(p -> p.name().minBlock());

    public TableSchema schema() {
        return schema;
    }

    /** How merges and FINAL combine rows of equal keys. */
    public MergingMode mergingMode() {
        return mergingMode;
    }

    public TableSettings settings() {
        return settings;
    }

    boolean isDropped() {
        return dropped || detached;
    }

    /**
     * Stops background work on this table object, keeping its data: the catalog replaces it by a new object over
     * the same folder (after ALTER TABLE, RENAME). Waits for a running merge to finish.
     */
    public void detach() {
        detached = true;
        synchronized (mergeLock) {
            // A merge in progress has finished once the lock is ours.
        }
    }

    /**
     * TRUNCATE: every partition gets an empty part covering all its blocks, so its parts are gone for new snapshots
     * now and for good at the next start, even if the process dies before they are deleted.
     */
    public void truncate() {
        synchronized (mergeLock) {
            // Wait for inserts being written: a covering part must not cover a block that commits after it.
            while (!inFlight.isEmpty()) {
                Thread.onSpinWait();
                Thread.yield();
            }
            Map<String, List<DataPart>> byPartition = byPartition(parts.get());
            for (List<DataPart> partition : byPartition.values()) {
                Block empty = emptyBlock(schema);
                DataPart cover = write(coveringName(partition), empty, new Block(0, keyColumnsOf(empty)), schema);
                replace(partition, cover);
            }
        }
    }

    /**
     * A mutation (ALTER TABLE ... DELETE/UPDATE, DELETE FROM, column changes): rewrites every active part through
     * {@code transform} into a part of the next level over the same blocks, one part at a time, written in the
     * {@code target} schema. {@code keepsRows} says the transform changes columns but neither adds nor removes rows,
     * so the sorting key is evaluated on the rows as they were. Parts inserted meanwhile are not rewritten.
     */
    public void mutate(UnaryOperator<Block> transform, TableSchema target, boolean keepsRows) {
        synchronized (mergeLock) {
            for (DataPart part : List.copyOf(parts.get())) {
                if (isDropped()) {
                    return;
                }
                Block rows = readAll(part);
                Block changed = transform.apply(rows);
                Block keys = keysOf(keepsRows ? rows : changed);
                PartName old = part.name();
                PartName name = new PartName(old.partitionId(), old.minBlock(), old.maxBlock(), old.level() + 1);
                replace(List.of(part), write(name, changed, keys, target));
            }
        }
    }

    private Block keysOf(Block rows) {
        if (sortingKey == null) {
            return new Block(rows.rowCount(), List.of());
        }
        return sortingKey.evaluate(rows);
    }

    private List<io.columba.storage.column.Column> keyColumnsOf(Block empty) {
        return keysOf(empty).columns();
    }

    private static Block emptyBlock(TableSchema schema) {
        List<io.columba.storage.column.Column> columns = new ArrayList<>();
        for (ColumnDefinition column : schema.columns()) {
            columns.add(io.columba.storage.column.ColumnBuilder.forType(column.type(), 0)
                    .build());
        }
        return new Block(0, columns);
    }

    private static PartName coveringName(List<DataPart> partition) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int level = 0;
        for (DataPart part : partition) {
            min = Math.min(min, part.name().minBlock());
            max = Math.max(max, part.name().maxBlock());
            level = Math.max(level, part.name().level());
        }
        return new PartName(partition.get(0).name().partitionId(), min, max, level + 1);
    }

    /** Swaps {@code replaced} for {@code replacement} in the active set; the replaced parts are deleted later. */
    private void replace(List<DataPart> replaced, DataPart replacement) {
        synchronized (writeLock) {
            List<DataPart> next = new ArrayList<>(parts.get());
            next.removeAll(replaced);
            next.add(replacement);
            next.sort(PART_ORDER);
            parts.set(List.copyOf(next));
            long now = System.nanoTime();
            for (DataPart part : replaced) {
                outdated.put(part, now);
                part.dropResident();
            }
        }
    }

    /**
     * A merge in progress: the parts it joins, the part it writes, when it started ({@link System#nanoTime()}), and
     * how many of the part's {@code columns} it has written so far (all at once at the end of a merge that combines
     * rows).
     */
    public record RunningMerge(
            List<DataPart> sources,
            PartName result,
            long startedNanos,
            java.util.concurrent.atomic.AtomicInteger columnsWritten,
            int columns) {}

    /** A merge of {@code sources} into {@code name} starting now, none of its columns written yet. */
    private RunningMerge starting(List<DataPart> sources, PartName name) {
        return new RunningMerge(
                List.copyOf(sources),
                name,
                System.nanoTime(),
                new java.util.concurrent.atomic.AtomicInteger(),
                schema.columns().size());
    }

    /** The merge running on this table now (system.merges), or null. */
    public RunningMerge runningMerge() {
        return runningMerge;
    }

    /**
     * The parts a query reads: fixed for the query, whatever inserts or merges happen meanwhile. Inside an
     * {@link InsertTransaction}, with the parts it staged for this table.
     */
    public List<DataPart> snapshot() {
        InsertTransaction transaction = InsertTransaction.current();
        return transaction == null ? parts.get() : transaction.visible(this, parts.get());
    }

    Path folder() {
        return folder;
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
     * {@code partitionId}; visible to new snapshots once this returns, or, inside an {@link InsertTransaction},
     * staged until it commits.
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
        if (expiry.allExpired(sortedRows)) {
            // As ClickHouse does on insert: a part whose every row has expired is never written.
            return null;
        }
        InsertTransaction transaction = InsertTransaction.current();
        if (transaction != null) {
            // Numbered when published: a staged part holds no block, so merges and other inserts never wait for it.
            long staged = -stagedParts.incrementAndGet();
            DataPart part = write(new PartName(partitionId, staged, staged, 0), sortedRows, sortedKeys, schema, true);
            if (sortingKey != null) {
                part.keepResident(sortedRows);
            }
            transaction.add(this, part);
            return part;
        }
        throttle(partitionId);
        long block;
        synchronized (writeLock) {
            block = nextBlockNumber++;
            inFlight.add(block);
        }
        // The part is written outside the lock, so that inserts run in parallel; merges leave its block alone.
        DataPart part;
        try {
            part = write(new PartName(partitionId, block, block, 0), sortedRows, sortedKeys, schema);
            if (sortingKey != null) {
                // Small parts of a stream of inserts are merged soon: the merge reads these rows from memory.
                part.keepResident(sortedRows);
            }
        } catch (RuntimeException | Error e) {
            inFlight.remove(block);
            throw e;
        }
        synchronized (writeLock) {
            List<DataPart> next = new ArrayList<>(parts.get());
            next.add(part);
            next.sort(PART_ORDER);
            parts.set(List.copyOf(next));
            inFlight.remove(block);
        }
        if (sortingKey != null) {
            MergeScheduler.request(this);
        }
        return part;
    }

    /**
     * Makes parts staged by a transaction visible, all at once: each gets the next block number, and a record of
     * their renames is synced before the first (see {@link StagedPublication}). Parts of a dropped table are gone
     * with it.
     */
    void publish(String transactionId, List<DataPart> staged) {
        if (dropped) {
            return;
        }
        if (detached) {
            throw new ColumbaException(
                    ErrorCode.TABLE_IS_DROPPED,
                    "Table " + folder.getFileName()
                            + " was altered or renamed while rows were staged for it; insert them again");
        }
        long first;
        synchronized (writeLock) {
            first = nextBlockNumber;
            nextBlockNumber += staged.size();
            for (int i = 0; i < staged.size(); i++) {
                inFlight.add(first + i);
            }
        }
        try {
            List<StagedPublication.Rename> renames = new ArrayList<>();
            List<Path> targets = new ArrayList<>();
            for (int i = 0; i < staged.size(); i++) {
                PartName name = new PartName(staged.get(i).name().partitionId(), first + i, first + i, 0);
                renames.add(new StagedPublication.Rename(
                        staged.get(i).folder().getFileName().toString(), name.toString()));
                targets.add(folder.resolve(name.toString()));
            }
            Path record = StagedPublication.write(folder, transactionId, renames);
            StagedPublication.apply(folder, record, renames);
            List<DataPart> published = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                published.add(DataPart.open(targets.get(i)));
                // The published part is opened anew: it takes over what the staged one held in memory.
                published.get(i).takeResident(staged.get(i));
            }
            synchronized (writeLock) {
                List<DataPart> next = new ArrayList<>(parts.get());
                next.addAll(published);
                next.sort(PART_ORDER);
                parts.set(List.copyOf(next));
            }
        } catch (IOException e) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_OPEN_FILE, "Cannot publish the parts staged in " + folder + ": " + e, e);
        } finally {
            for (int i = 0; i < staged.size(); i++) {
                inFlight.remove(first + i);
            }
        }
        if (sortingKey != null) {
            MergeScheduler.request(this);
        }
    }

    private void throttle(String partitionId) {
        int active = partitionParts(partitionId).size();
        if (active >= settings.partsToThrowInsert()) {
            throw new ColumbaException(
                    ErrorCode.TOO_MANY_PARTS,
                    "Too many parts (" + active + ") in partition " + partitionId
                            + ". Merges are processing significantly slower than inserts");
        }
        if (active >= settings.partsToDelayInsert()) {
            MergeScheduler.request(this);
            try {
                Thread.sleep(Math.min(1000, 10L * (active - settings.partsToDelayInsert() + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private List<DataPart> partitionParts(String partitionId) {
        List<DataPart> result = new ArrayList<>();
        for (DataPart part : parts.get()) {
            if (part.name().partitionId().equals(partitionId)) {
                result.add(part);
            }
        }
        return result;
    }

    private DataPart write(PartName name, Block rows, Block keys, TableSchema target) {
        return write(name, rows, keys, target, false);
    }

    private DataPart write(PartName name, Block rows, Block keys, TableSchema target, boolean staged) {
        long ttlMin = target == schema ? expiry.earliest(rows) : Long.MAX_VALUE;
        try {
            int[] granules =
                    io.columba.storage.part.Granules.adaptive(rows, settings.granuleRows(), settings.granuleBytes());
            if (staged) {
                return PartWriter.stage(folder, name, target, rows, keys, granules, CompressionMethod.LZ4, ttlMin);
            }
            return PartWriter.write(folder, name, target, rows, keys, granules, CompressionMethod.LZ4, ttlMin);
        } catch (IOException e) {
            throw new ColumbaException(ErrorCode.CANNOT_OPEN_FILE, "Cannot write part " + name + ": " + e, e);
        }
    }

    /**
     * One background merge step: in the first partition holding more than {@link #PARTS_BEFORE_MERGE} parts, joins
     * the run of adjacent parts with the fewest rows. Returns whether it merged.
     */
    boolean mergeOnce() {
        if (sortingKey == null) {
            return false;
        }
        Map<String, List<DataPart>> byPartition = byPartition(parts.get());
        int partsBeforeMerge = Math.max(1, Math.min(PARTS_BEFORE_MERGE, settings.partsToDelayInsert() - 1));
        for (List<DataPart> partition : byPartition.values()) {
            for (List<DataPart> segment : withoutInFlightGaps(partition)) {
                if (segment.size() > partsBeforeMerge) {
                    merge(MergeSelector.smallestRun(segment));
                    return true;
                }
            }
        }
        return expireOnce();
    }

    /**
     * A partition's parts cut where a block still being written would fall between two of them: a merged part
     * must not cover the block of a part that commits after it.
     */
    private List<List<DataPart>> withoutInFlightGaps(List<DataPart> partition) {
        List<List<DataPart>> segments = new ArrayList<>();
        List<DataPart> current = new ArrayList<>();
        for (DataPart part : partition) {
            if (!current.isEmpty()) {
                long previous = current.get(current.size() - 1).name().maxBlock();
                Long between = inFlight.higher(previous);
                if (between != null && between < part.name().minBlock()) {
                    segments.add(current);
                    current = new ArrayList<>();
                }
            }
            current.add(part);
        }
        if (!current.isEmpty()) {
            segments.add(current);
        }
        return segments;
    }

    /**
     * A TTL merge: rewrites the first part holding expired rows without them, in a partition not TTL-merged for
     * {@code merge_with_ttl_timeout} seconds. Returns whether it did.
     */
    private boolean expireOnce() {
        DataPart part = expiry.partToRewrite(parts.get());
        if (part == null) {
            return false;
        }
        merge(List.of(part));
        return true;
    }

    private static Map<String, List<DataPart>> byPartition(List<DataPart> parts) {
        Map<String, List<DataPart>> result = new LinkedHashMap<>();
        for (DataPart part : parts) {
            result.computeIfAbsent(part.name().partitionId(), k -> new ArrayList<>())
                    .add(part);
        }
        return result;
    }

    /**
     * OPTIMIZE TABLE: merges every partition's parts into one part, now. With {@code FINAL}, an engine that combines
     * rows also rewrites a partition that is already one part, so its rows are fully combined.
     */
    public void optimize(boolean fully) {
        if (sortingKey == null) {
            return;
        }
        Map<String, List<DataPart>> byPartition = byPartition(parts.get());
        for (List<DataPart> partition : byPartition.values()) {
            for (List<DataPart> segment : withoutInFlightGaps(partition)) {
                if (segment.size() > 1 || (fully && mergingMode.collapses()) || expiry.hasExpiredRows(segment)) {
                    merge(segment);
                }
            }
        }
    }

    /**
     * The rows of a snapshot as {@code SELECT ... FINAL} sees them: every part's rows sorted by key and combined by
     * the engine's logic, tombstones and cancelled rows dropped. As in ClickHouse (where
     * {@code do_not_merge_across_partitions_select_final} is off by default) rows of one key combine across
     * partitions too. All columns, in one block.
     */
    public List<Block> finalRows(List<DataPart> snapshot) {
        if (snapshot.isEmpty()) {
            return List.of();
        }
        Block rows = sortedRows(snapshot);
        if (sortingKey != null && mergingMode.collapses()) {
            rows = mergingMode.collapse(rows, sortingKey.evaluate(rows), true);
        }
        return rows.rowCount() == 0 ? List.of() : List.of(rows);
    }

    /** The rows of some parts of one partition, sorted by key (stable: insertion order within a key). */
    private Block sortedRows(List<DataPart> sources) {
        List<DataType> types =
                schema.columns().stream().map(ColumnDefinition::type).toList();
        List<Block> blocks = new ArrayList<>();
        for (DataPart source : sources) {
            blocks.add(readAll(source));
        }
        Block rows = Block.concat(blocks, types);
        if (sortingKey == null) {
            return rows;
        }
        int[] order = sortingKey.sortedOrder(sortingKey.evaluate(rows));
        return rows.take(order, order.length);
    }

    /** Merges adjacent parts of one partition into one part sorted by the key, and swaps it in. */
    private void merge(List<DataPart> sources) {
        boolean expiring = expiry.hasExpiredRows(sources);
        if (sources.isEmpty() || (sources.size() < 2 && !mergingMode.collapses() && !expiring)) {
            return;
        }
        synchronized (mergeLock) {
            if (dropped || !parts.get().containsAll(sources)) {
                return;
            }
            PartName name = MergeSelector.mergedName(sources);
            RunningMerge running = starting(sources, name);
            runningMerge = running;
            try {
                mergeLocked(sources, name, expiring, running);
            } finally {
                runningMerge = null;
            }
        }
    }

    private void mergeLocked(List<DataPart> sources, PartName name, boolean expiring, RunningMerge running) {
        if (!mergingMode.collapses() && !expiring && columnIndexesOnly()) {
            replace(sources, mergeVertically(sources, name, running, false));
            return;
        }
        Block rows = expiry.withoutExpired(sortedRows(sources));
        Block keys = sortingKey.evaluate(rows);
        if (mergingMode.collapses()) {
            rows = mergingMode.collapse(rows, keys, false);
            keys = sortingKey.evaluate(rows);
        }
        replace(sources, write(name, rows, keys, schema));
    }

    private boolean columnIndexesOnly() {
        return schema.indexes().stream().allMatch(index -> index.column() != null);
    }

    /**
     * Inside a transaction a partition's staged parts pile up until the commit publishes them at once (a 30M-row
     * file is 300 batches, past {@code parts_to_throw_insert}): once a partition holds twice
     * {@link #PARTS_BEFORE_MERGE} of them, the background merge's choice of run among them, to merge into one staged
     * part with {@link #mergeStaged}. Null when there is none, or when merges of this table combine or expire rows
     * (those wait for the background merge after the commit).
     */
    List<DataPart> stagedRunToMerge(List<DataPart> staged, String partitionId) {
        if (sortingKey == null || mergingMode.collapses() || !columnIndexesOnly()) {
            return null;
        }
        List<DataPart> partition = new ArrayList<>();
        for (DataPart part : staged) {
            if (part.name().partitionId().equals(partitionId)) {
                partition.add(part);
            }
        }
        if (partition.size() < 2 * PARTS_BEFORE_MERGE) {
            return null;
        }
        List<DataPart> run = List.copyOf(MergeSelector.smallestRun(partition));
        return expiry.hasExpiredRows(run) ? null : run;
    }

    /** Merges consecutive staged parts of one partition into a new staged part; the caller deletes the sources. */
    DataPart mergeStaged(List<DataPart> run) {
        int level = 0;
        for (DataPart part : run) {
            level = Math.max(level, part.name().level());
        }
        long staged = -stagedParts.incrementAndGet();
        PartName name = new PartName(run.get(0).name().partitionId(), staged, staged, level + 1);
        DataPart merged = mergeVertically(run, name, starting(run, name), true);
        run.forEach(DataPart::dropResident);
        return merged;
    }

    /**
     * A merge that keeps every row (plain MergeTree), column by column: the sort order comes from the key columns
     * alone, then each column is read from all sources, reordered and written before the next is read, so memory
     * holds one column of the merged part, not all of them.
     */
    private DataPart mergeVertically(List<DataPart> sources, PartName name, RunningMerge running, boolean staged) {
        int rows = 0;
        List<Block> keyBlocks = new ArrayList<>();
        for (DataPart source : sources) {
            rows += (int) source.rowCount();
            keyBlocks.add(sortingKey.evaluate(keyInputs(source)));
        }
        Block keys = Block.concat(keyBlocks, schema.keyTypes());
        int[] order = sortingKey.sortedOrder(keys);
        int[] sizes = new int[sources.size()];
        for (int s = 0; s < sizes.length; s++) {
            sizes[s] = (int) sources.get(s).rowCount();
        }
        io.columba.storage.block.ColumnGather gather = new io.columba.storage.block.ColumnGather(order, sizes);
        try {
            PartWriter.Columns writer = new PartWriter.Columns(
                    folder,
                    name,
                    io.columba.storage.part.Granules.fixed(rows, mergedGranuleRows(sources)),
                    CompressionMethod.LZ4);
            for (ColumnDefinition column : schema.columns()) {
                List<io.columba.storage.column.Column> pieces = new ArrayList<>();
                for (DataPart source : sources) {
                    pieces.add(source.readWhole(column));
                }
                io.columba.storage.column.Column merged = gather.take(pieces, column.type());
                writer.write(column, merged);
                for (io.columba.storage.index.SkipIndex index : schema.indexes()) {
                    if (column.name().equals(index.column())) {
                        writer.writeIndex(index, merged);
                    }
                }
                running.columnsWritten().incrementAndGet();
            }
            // The rows are the sources' rows: the earliest expiry among them stays the part's, for TTL merges.
            long ttlMin = Long.MAX_VALUE;
            for (DataPart source : sources) {
                ttlMin = Math.min(ttlMin, source.ttlMin());
            }
            Block sortedKeys = keys.take(order, rows);
            return staged ? writer.stage(schema, sortedKeys, ttlMin) : writer.commit(schema, sortedKeys, ttlMin);
        } catch (IOException e) {
            throw new ColumbaException(ErrorCode.CANNOT_OPEN_FILE, "Cannot write part " + name + ": " + e, e);
        }
    }

    /**
     * Rows per granule of a vertical merge, which never holds a whole row: the sources' average when adaptive
     * granularity made their granules shorter than {@code index_granularity}.
     */
    private int mergedGranuleRows(List<DataPart> sources) {
        long rows = 0;
        long granules = 0;
        for (DataPart source : sources) {
            rows += source.rowCount();
            granules += source.granuleCount();
        }
        int average = granules == 0 ? settings.granuleRows() : (int) Math.max(1, (rows + granules - 1) / granules);
        return Math.min(settings.granuleRows(), average);
    }

    /** The rows of a part with only the columns the sorting key reads filled in; the others are placeholders. */
    private Block keyInputs(DataPart part) {
        int[] used = sortingKey.columnsUsed();
        if (used == null) {
            return readAll(part);
        }
        int rows = (int) part.rowCount();
        List<io.columba.storage.column.Column> columns = new ArrayList<>();
        for (ColumnDefinition column : schema.columns()) {
            columns.add(new io.columba.storage.column.ConstantColumn(
                    io.columba.storage.column.ColumnBuilder.defaults(column.type(), 1), rows));
        }
        for (int index : used) {
            columns.set(index, part.readWhole(schema.columns().get(index)));
        }
        return new Block(rows, columns);
    }

    private Block readAll(DataPart part) {
        List<io.columba.storage.column.Column> columns = new ArrayList<>();
        for (ColumnDefinition column : schema.columns()) {
            columns.add(part.readWhole(column));
        }
        return new Block((int) part.rowCount(), columns);
    }

    /** Deletes parts replaced by merges once no query can still be reading them (or all of them, if asked). */
    void removeOutdatedParts(boolean all) {
        List<DataPart> expired = new ArrayList<>();
        synchronized (writeLock) {
            long now = System.nanoTime();
            outdated.entrySet().removeIf(entry -> {
                if (all || now - entry.getValue() > OUTDATED_LIFETIME_NANOS) {
                    expired.add(entry.getKey());
                    return true;
                }
                return false;
            });
        }
        for (DataPart part : expired) {
            try {
                deleteRecursively(part.folder());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Removes every part and the folder (DROP TABLE). */
    public void deleteData() {
        dropped = true;
        synchronized (mergeLock) {
            synchronized (writeLock) {
                parts.get().forEach(DataPart::dropResident);
                parts.set(List.of());
                outdated.clear();
                try {
                    deleteRecursively(folder);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Deletes a folder and everything in it, if it exists. */
    public static void deleteFolder(Path path) throws IOException {
        deleteRecursively(path);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String toString() {
        return folder.toString();
    }
}
