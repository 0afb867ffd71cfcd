package io.columba.ingest.buffer;

import io.columba.executor.Database;
import io.columba.executor.format.OutputFormats;
import io.columba.executor.format.TextValues;
import io.columba.ingest.Inserter;
import io.columba.ingest.TableLocks;
import io.columba.ingest.log.InsertLog;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.CommitBarrier;
import io.columba.storage.type.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Inserts a batch of pending rows into their table as one insert of their format (TabSeparated text of the same
 * columns, or JSONEachRow; a batch mixing them is inserted as runs of one format each), bracketed by an intent
 * (synced while the insert runs, before any of its parts commit: {@link CommitBarrier}) and an applied record in
 * the log. When the batch fails, its records are tried one by one; a record that fails {@link #MAX_ATTEMPTS} times
 * is set aside in {@code rejected/} (rows and error) rather than block the table forever. Writers of a table are
 * serialized by its lock, which the datasources API and materialized views also take, so nothing else writes the
 * table between an intent and its outcome. The insert goes through the {@link Inserter}, so the table's
 * materialized views run over the batch.
 */
final class BatchApplier {
    static final int MAX_ATTEMPTS = 3;

    private static final System.Logger LOG = System.getLogger(BatchApplier.class.getName());
    private static final ExecutorService LOG_SYNCS = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "columba-intent-sync");
        thread.setDaemon(true);
        return thread;
    });

    private final Database database;
    private final InsertLog log;
    private final Path rejectedFolder;
    private final Inserter inserter;
    private final TableLocks locks;

    BatchApplier(Database database, InsertLog log, Path rejectedFolder, Inserter inserter, TableLocks locks) {
        this.database = database;
        this.log = log;
        this.rejectedFolder = rejectedFolder;
        this.inserter = inserter;
        this.locks = locks;
    }

    ReentrantLock lock(String table) {
        return locks.of(table);
    }

    /** Inserts {@code batch}; returns the records that failed and are to be tried again later. */
    List<PendingRows> apply(String table, List<PendingRows> batch) {
        ReentrantLock lock = lock(table);
        lock.lock();
        try {
            int run = sameColumns(batch);
            if (run < batch.size()) {
                List<PendingRows> retry = new ArrayList<>(apply(table, batch.subList(0, run)));
                retry.addAll(apply(table, batch.subList(run, batch.size())));
                return retry;
            }
            RuntimeException failure = insert(table, batch);
            if (failure == null) {
                batch.forEach(pending -> pending.applied.complete(null));
                return List.of();
            }
            if (batch.size() > 1) {
                List<PendingRows> retry = new ArrayList<>();
                for (PendingRows pending : batch) {
                    retry.addAll(apply(table, List.of(pending)));
                }
                return retry;
            }
            PendingRows pending = batch.get(0);
            pending.attempts++;
            if (pending.attempts < MAX_ATTEMPTS) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "inserting logged rows into " + table + " failed, will retry: " + failure.getMessage());
                return List.of(pending);
            }
            setAside(pending, failure);
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    /** How many records from the first have the first's columns and form (so one format). */
    private static int sameColumns(List<PendingRows> batch) {
        int run = 1;
        while (run < batch.size() && batch.get(run).insertsWith(batch.get(0))) {
            run++;
        }
        return run;
    }

    /** Null when the rows are in the table; else the failure, after which the table is unchanged. */
    private RuntimeException insert(String table, List<PendingRows> batch) {
        List<Long> sequences = new ArrayList<>(batch.size());
        Inserter.Insertion insertion = insertion(batch, sequences);
        long intent = log.appendIntent(table, TableBlocks.maxBlock(database, table), sequences);
        // The intent is synced while the rows are parsed and written; a part waits for it before its rename.
        CompletableFuture<Void> intentSynced = CompletableFuture.runAsync(() -> log.sync(intent), LOG_SYNCS);
        try {
            CommitBarrier.around(intentSynced::join, () -> {
                inserter.insert(table, insertion);
                return null;
            });
        } catch (RuntimeException e) {
            log.aborted(table, sequences);
            return e;
        } finally {
            intentSynced.exceptionally(failure -> null).join();
        }
        try {
            log.applied(table, sequences);
        } catch (RuntimeException e) {
            // The rows are in the table: never insert them again. Recovery tells so from the intent.
            LOG.log(System.Logger.Level.ERROR, "cannot log that rows were inserted into " + table, e);
        }
        return null;
    }

    /** The insert of {@code batch}'s rows (of one form and columns); their sequences added to {@code sequences}. */
    private Inserter.Insertion insertion(List<PendingRows> batch, List<Long> sequences) {
        List<String> columns = batch.get(0).columns;
        if (batch.get(0).block == null) {
            byte[] rows = concatenated(batch, sequences);
            String format = columns.isEmpty() ? "JSONEachRow" : "TabSeparated";
            return into -> database.insert(into, columns, format, rows, 0, rows.length);
        }
        List<Block> blocks = new ArrayList<>(batch.size());
        for (PendingRows pending : batch) {
            sequences.add(pending.sequence);
            blocks.add(pending.block);
        }
        List<DataType> types = batch.get(0).types;
        Block rows = Block.concat(blocks, types);
        return into -> database.insert(into, columns, types, rows);
    }

    /** The rows of {@code batch} as one text, in bytes; their sequences added to {@code sequences}. */
    private static byte[] concatenated(List<PendingRows> batch, List<Long> sequences) {
        if (batch.size() == 1) {
            // A client waiting for its rows often makes a batch of one record: no copy of its text.
            sequences.add(batch.get(0).sequence);
            return batch.get(0).rows.getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder();
        for (PendingRows pending : batch) {
            sequences.add(pending.sequence);
            text.append(pending.rows);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A block's rows as TabSeparated text with a header of the column names, to be inserted by hand. */
    private static String tabSeparated(PendingRows pending) {
        StringBuilder text = new StringBuilder(String.join("\t", pending.columns)).append('\n');
        Block block = pending.block;
        for (int row = 0; row < block.rowCount(); row++) {
            for (int c = 0; c < block.columnCount(); c++) {
                Column column = block.column(c);
                text.append(c == 0 ? "" : "\t")
                        .append(
                                column.isNull(row)
                                        ? "\\N"
                                        : OutputFormats.tsvEscape(
                                                TextValues.plainText(column, pending.types.get(c), row)));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private void setAside(PendingRows pending, RuntimeException failure) {
        String name = pending.table + "-" + pending.sequence;
        String file = name + (pending.block == null ? ".ndjson" : ".tsv");
        try {
            Files.createDirectories(rejectedFolder);
            Files.writeString(
                    rejectedFolder.resolve(file),
                    pending.block == null ? pending.rows : tabSeparated(pending),
                    StandardCharsets.UTF_8);
            Files.writeString(rejectedFolder.resolve(name + ".error"), String.valueOf(failure), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set aside rows that failed to insert into " + pending.table, e);
        }
        log.applied(pending.table, List.of(pending.sequence));
        LOG.log(
                System.Logger.Level.ERROR,
                pending.rowCount + " logged rows failed " + MAX_ATTEMPTS + " times to insert into " + pending.table
                        + " and were set aside in " + rejectedFolder.resolve(file) + ": " + failure);
        pending.applied.completeExceptionally(new ColumbaException(
                failure instanceof ColumbaException columba ? columba.errorCode() : ErrorCode.LOGICAL_ERROR,
                "The rows were logged but could not be inserted into " + pending.table + " and were set aside: "
                        + failure.getMessage(),
                failure));
    }
}
