package io.columba.ingest.events;

import io.columba.executor.Database;
import io.columba.ingest.AppendListener;
import io.columba.ingest.FileAppender;
import io.columba.ingest.InputFormat;
import io.columba.ingest.Inserter;
import io.columba.ingest.RowQuarantine;
import io.columba.ingest.buffer.InsertBuffer;
import io.columba.ingest.json.IngestSchema;
import io.columba.ingest.json.QuarantineTable;
import io.columba.ingest.parquet.ParquetJsonStream;
import io.columba.storage.engine.InsertTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Data Sources API's append of a file: CSV or TSV ({@link FileAppender}, rows whose values do not convert to
 * the data source's quarantine), NDJSON ({@link NdjsonAppender}, by JSONPath) or Parquet (spooled to a file, then
 * read record by record as NDJSON, {@link ParquetJsonStream}). All or nothing: the file's rows and
 * its quarantined rows are staged in one {@link InsertTransaction} and each table's are published at the end,
 * holding that table's write lock; a failure (a malformed file, a server error) leaves no row of the file anywhere,
 * and so does a crash before the end.
 */
public final class DatasourceAppender {
    private final Database database;
    private final InsertBuffer buffer;
    private final EventIngestor events;
    private final NdjsonAppender ndjson;
    private final Inserter inserter;
    private final FileAppender files;
    private final int quarantineSpillChars;

    /** Quarantined CSV/TSV rows held in memory at most (then inserted into the quarantine table as the file goes). */
    public static final int QUARANTINE_SPILL_CHARS = 8 << 20;

    public DatasourceAppender(
            Database database, InsertBuffer buffer, EventIngestor events, NdjsonAppender ndjson, Inserter inserter) {
        this(database, buffer, events, ndjson, inserter, FileAppender.DEFAULT_BATCH_ROWS, QUARANTINE_SPILL_CHARS);
    }

    /**
     * An appender cutting CSV and TSV files in batches of {@code batchRows} rows, inserting quarantined rows once
     * {@code quarantineSpillChars} characters of them are held.
     */
    public DatasourceAppender(
            Database database,
            InsertBuffer buffer,
            EventIngestor events,
            NdjsonAppender ndjson,
            Inserter inserter,
            int batchRows,
            int quarantineSpillChars) {
        this.quarantineSpillChars = quarantineSpillChars;
        this.database = database;
        this.buffer = buffer;
        this.events = events;
        this.ndjson = ndjson;
        this.inserter = inserter;
        this.files = new FileAppender(database, batchRows, 1, inserter, buffer.publisher());
    }

    /**
     * Appends {@code in} (not closed) in {@code format} to {@code target} (a table shaped as {@code schema}'s),
     * CSV/TSV values going to {@code columns} in order (empty: all, in the table's order), quarantined rows to
     * {@code schema}'s quarantine table marked with {@code importId}.
     */
    public IngestResult append(
            IngestSchema schema,
            String target,
            List<String> columns,
            InputStream in,
            InputFormat format,
            String importId)
            throws IOException {
        return InsertTransaction.atomically(buffer.publisher(), () -> switch (format) {
            case NDJSON -> ndjson.append(schema, target, in, importId);
            case PARQUET -> appendParquet(schema, target, in, importId);
            case CSV, TSV -> appendDelimited(schema, target, columns, in, format, importId);
        });
    }

    /** Parquet records as JSON objects by field name, mapped by the data source's JSONPaths as NDJSON is. */
    private IngestResult appendParquet(IngestSchema schema, String target, InputStream in, String importId)
            throws IOException {
        Path spooled = ParquetJsonStream.spool(in, database.folder().resolve("uploads"));
        try (InputStream records = ParquetJsonStream.open(spooled)) {
            return ndjson.append(schema, target, records, importId);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private IngestResult appendDelimited(
            IngestSchema schema,
            String target,
            List<String> columns,
            InputStream in,
            InputFormat format,
            String importId)
            throws IOException {
        // Quarantined rows are inserted in the same transaction as the file's: spilled as they pile up, the rest here.
        RowQuarantine quarantine =
                new RowQuarantine(schema, importId, quarantineSpillChars, text -> insertQuarantined(schema, text));
        long appended = files.append(target, columns, in, format, AppendListener.NONE, quarantine);
        String rest = quarantine.rows();
        if (!rest.isEmpty()) {
            insertQuarantined(schema, rest);
        }
        return new IngestResult(appended, quarantine.count());
    }

    private void insertQuarantined(IngestSchema schema, String text) {
        events.ensureQuarantineTable(schema);
        byte[] rows = text.getBytes(StandardCharsets.UTF_8);
        inserter.insert(
                QuarantineTable.name(schema.table()),
                into -> database.insert(into, List.of(), "JSONEachRow", rows, 0, rows.length));
    }
}
