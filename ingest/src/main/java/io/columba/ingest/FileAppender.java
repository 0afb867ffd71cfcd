package io.columba.ingest;

import io.columba.executor.Database;
import io.columba.ingest.parquet.ParquetJsonStream;
import io.columba.storage.engine.InsertTransaction;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Appends an NDJSON, CSV or TSV file (or stream) to a table in batches of rows handed as bytes to
 * {@code Database.insert} (JSONEachRow, CSV or TabSeparated), so memory stays bounded whatever the file size. A
 * Parquet file is read as NDJSON, its fields going to the columns of the same names.
 *
 * <p>Each batch is its own insert, but an append is all or nothing: its batches are staged in one {@link
 * InsertTransaction} and published together once the last is in (a crash before leaves nothing of it). When a
 * batch fails, nothing is appended and the error says on which line the failing batch started; with a {@link
 * RowQuarantine}, CSV and TSV rows whose values do not convert go to it instead. Each batch goes through an
 * {@link Inserter} ({@link Inserter#DIRECT} unless given), so the table's materialized views run over it.
 */
public final class FileAppender {
    /** Rows per INSERT: large enough for few parts, small enough to keep a batch in memory. */
    public static final int DEFAULT_BATCH_ROWS = 100_000;

    private static final int MAX_BATCH_CHARS = 32 << 20;

    private final Database database;
    private final int batchRows;
    private final int parallelism;
    private final Inserter inserter;
    private final InsertTransaction.Publisher publisher;

    public FileAppender(Database database) {
        this(database, DEFAULT_BATCH_ROWS);
    }

    public FileAppender(Database database, int batchRows) {
        this(database, batchRows, 1);
    }

    /**
     * An appender inserting up to {@code parallelism} batches at once while it reads the next one; with 1, batches
     * are inserted one after another in file order.
     */
    public FileAppender(Database database, int batchRows, int parallelism) {
        this(database, batchRows, parallelism, Inserter.DIRECT);
    }

    /** An appender of {@link #DEFAULT_BATCH_ROWS}-row batches, one at a time, each inserted through {@code inserter}. */
    public FileAppender(Database database, Inserter inserter) {
        this(database, DEFAULT_BATCH_ROWS, 1, inserter);
    }

    /** An appender as {@link #FileAppender(Database, int, int)} makes, inserting each batch through {@code inserter}. */
    public FileAppender(Database database, int batchRows, int parallelism, Inserter inserter) {
        this(database, batchRows, parallelism, inserter, InsertTransaction.Publisher.DIRECT);
    }

    /**
     * An appender as {@link #FileAppender(Database, int, int, Inserter)} makes, publishing each table's rows at the
     * end of an append through {@code publisher} (which may hold the table's write lock).
     */
    public FileAppender(
            Database database,
            int batchRows,
            int parallelism,
            Inserter inserter,
            InsertTransaction.Publisher publisher) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be positive, got " + batchRows);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive, got " + parallelism);
        }
        this.database = database;
        this.batchRows = batchRows;
        this.parallelism = parallelism;
        this.inserter = inserter;
        this.publisher = publisher;
    }

    /** Appends {@code file} to {@code table}, the format told by the file's extension. Returns the rows appended. */
    public long append(String table, Path file) {
        InputFormat format = InputFormat.of(file);
        try (InputStream in =
                format == InputFormat.PARQUET ? ParquetJsonStream.open(file) : Files.newInputStream(file)) {
            if (format == InputFormat.PARQUET) {
                return append(table, in, InputFormat.NDJSON);
            }
            return append(table, in, format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (ColumbaException e) {
            throw new ColumbaException(e.errorCode(), e.getMessage() + " (appending " + file + ")", e);
        }
    }

    /** Appends UTF-8 text in {@code format} from {@code in} (not closed) to {@code table}. Returns the rows appended. */
    public long append(String table, InputStream in, InputFormat format) throws IOException {
        return append(table, in, format, AppendListener.NONE);
    }

    /**
     * Appends UTF-8 text in {@code format} from {@code in} (not closed) to {@code table}, telling {@code listener}
     * after each batch written. Returns the rows appended. After a failure nothing is appended.
     */
    public long append(String table, InputStream in, InputFormat format, AppendListener listener) throws IOException {
        return append(table, java.util.List.of(), in, format, listener);
    }

    /**
     * Appends as {@link #append(String, InputStream, InputFormat, AppendListener)} does, the values of each row
     * going to {@code columns} in order (all the table's columns when empty; the others take their defaults).
     */
    public long append(
            String table, java.util.List<String> columns, InputStream in, InputFormat format, AppendListener listener)
            throws IOException {
        return append(table, columns, in, format, listener, null);
    }

    /**
     * Appends as {@link #append(String, java.util.List, InputStream, InputFormat, AppendListener)} does, CSV or TSV
     * rows whose values do not convert to their columns going to {@code quarantine} (null: they fail the append)
     * instead of being appended. Inside a thread's {@link InsertTransaction} the rows publish with it.
     */
    public long append(
            String table,
            java.util.List<String> columns,
            InputStream in,
            InputFormat format,
            AppendListener listener,
            RowQuarantine quarantine)
            throws IOException {
        if (format == InputFormat.PARQUET) {
            Path spooled = ParquetJsonStream.spool(in, database.folder().resolve("uploads"));
            try (InputStream records = ParquetJsonStream.open(spooled)) {
                return append(table, columns, records, InputFormat.NDJSON, listener, quarantine);
            } finally {
                Files.deleteIfExists(spooled);
            }
        }
        return InsertTransaction.atomically(publisher, () -> {
            try (BatchInserter batches =
                    new BatchInserter(database, parallelism, listener, InsertTransaction.current())) {
                cutBatches(in, format, table, columns, batches, format == InputFormat.NDJSON ? null : quarantine);
                return batches.finish();
            }
        });
    }

    /**
     * Reads {@code in} line by line into batches of whole rows, as bytes, and hands each to the database's bulk
     * insert: no SQL text is built, and TabSeparated and CSV are parsed straight from the bytes.
     */
    private void cutBatches(
            InputStream in,
            InputFormat format,
            String table,
            java.util.List<String> columns,
            BatchInserter inserter,
            RowQuarantine quarantine)
            throws IOException {
        LineReader reader = new LineReader(in);
        java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream(1 << 20);
        RowStarts rowStarts = quarantine == null ? null : new RowStarts();
        int rowsInBatch = 0;
        long lineNumber = 0;
        long batchFirstLine = 1;
        boolean insideQuotes = false;
        while (reader.next()) {
            lineNumber++;
            if (!insideQuotes && reader.isBlank()) {
                continue;
            }
            if (rowsInBatch == 0 && !insideQuotes) {
                batchFirstLine = lineNumber;
            }
            if (rowStarts != null && !insideQuotes) {
                rowStarts.add(batch.size(), lineNumber);
            }
            batch.write(reader.bytes(), reader.start(), reader.end() - reader.start());
            batch.write('\n');
            if (format == InputFormat.CSV && reader.hasOddQuotes()) {
                insideQuotes = !insideQuotes;
            }
            if (insideQuotes) {
                continue;
            }
            rowsInBatch++;
            if (rowsInBatch >= batchRows || batch.size() >= MAX_BATCH_CHARS) {
                submit(inserter, table, columns, format, batch, rowsInBatch, batchFirstLine, rowStarts, quarantine);
                batch = new java.io.ByteArrayOutputStream(1 << 20);
                rowStarts = quarantine == null ? null : new RowStarts();
                rowsInBatch = 0;
            }
        }
        if (insideQuotes) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_PARSE_INPUT_ASSERTION_FAILED,
                    "Cannot parse input: a quoted CSV field opened in the row starting on line " + batchFirstLine
                            + " is never closed");
        }
        if (rowsInBatch > 0) {
            submit(inserter, table, columns, format, batch, rowsInBatch, batchFirstLine, rowStarts, quarantine);
        }
    }

    private void submit(
            BatchInserter batches,
            String table,
            java.util.List<String> columns,
            InputFormat format,
            java.io.ByteArrayOutputStream batch,
            int rows,
            long firstLine,
            RowStarts rowStarts,
            RowQuarantine quarantine) {
        byte[] bytes = batch.toByteArray();
        if (rowStarts != null) {
            rowStarts.end(bytes.length);
        }
        batches.submit(
                database -> {
                    try {
                        insert(database, table, columns, format, bytes, 0, bytes.length);
                        return rows;
                    } catch (ColumbaException e) {
                        if (quarantine == null) {
                            throw e;
                        }
                        return quarantine.insertConverting(
                                e,
                                bytes,
                                rowStarts,
                                format,
                                columns,
                                good -> insert(database, table, columns, format, good, 0, good.length));
                    }
                },
                firstLine);
    }

    private void insert(
            Database database,
            String table,
            java.util.List<String> columns,
            InputFormat format,
            byte[] bytes,
            int from,
            int to) {
        inserter.insert(table, into -> database.insert(into, columns, format.clickHouseName(), bytes, from, to));
    }
}
