package io.columba.ingest.events;

import io.columba.executor.Database;
import io.columba.ingest.Inserter;
import io.columba.ingest.buffer.InsertBuffer;
import io.columba.ingest.json.ConvertedRows;
import io.columba.ingest.json.IngestSchema;
import io.columba.ingest.json.QuarantineTable;
import io.columba.ingest.json.RowConverter;
import io.columba.storage.engine.InsertTransaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Appends an NDJSON stream of any size (the Data Sources API) by the data source's JSONPaths, in batches of
 * {@value #BATCH_BYTES} bytes of whole lines, each batch inserted directly (holding the table's write lock)
 * with its quarantined rows, through the {@link Inserter}. All or nothing: the batches are staged in one {@link
 * InsertTransaction} (the caller's, if it runs in one) and published together at the end, so after a failure
 * nothing of the stream is in the table or its quarantine.
 */
public final class NdjsonAppender {
    static final int BATCH_BYTES = 8 << 20;

    private final Database database;
    private final InsertBuffer buffer;
    private final RowConverter converter;
    private final EventIngestor events;
    private final Inserter inserter;

    public NdjsonAppender(
            Database database, InsertBuffer buffer, RowConverter converter, EventIngestor events, Inserter inserter) {
        this.database = database;
        this.buffer = buffer;
        this.converter = converter;
        this.events = events;
        this.inserter = inserter;
    }

    /**
     * Appends {@code in} (not closed) to {@code target} (a table shaped as {@code schema}'s, such as a staging
     * table), its quarantined rows to {@code schema}'s quarantine table marked with {@code importId}.
     */
    public IngestResult append(IngestSchema schema, String target, InputStream in, String importId) throws IOException {
        return InsertTransaction.atomically(buffer.publisher(), () -> appendBatches(schema, target, in, importId));
    }

    private IngestResult appendBatches(IngestSchema schema, String target, InputStream in, String importId)
            throws IOException {
        long successful = 0;
        long quarantined = 0;
        ByteArrayOutputStream batch = new ByteArrayOutputStream(1 << 16);
        byte[] chunk = new byte[1 << 16];
        for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
            batch.write(chunk, 0, read);
            if (batch.size() >= BATCH_BYTES) {
                byte[] bytes = batch.toByteArray();
                int cut = lastNewline(bytes) + 1;
                if (cut == 0) {
                    continue; // one line longer than a batch: read on to its end
                }
                batch.reset();
                batch.write(bytes, cut, bytes.length - cut);
                IngestResult done = insert(schema, target, java.util.Arrays.copyOf(bytes, cut), importId);
                successful += done.successfulRows();
                quarantined += done.quarantinedRows();
            }
        }
        IngestResult done = insert(schema, target, batch.toByteArray(), importId);
        return new IngestResult(successful + done.successfulRows(), quarantined + done.quarantinedRows());
    }

    private IngestResult insert(IngestSchema schema, String table, byte[] lines, String importId) {
        if (lines.length == 0 || new String(lines, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new IngestResult(0, 0);
        }
        ConvertedRows converted = converter.convert(schema, lines, importId);
        if (converted.quarantineCount() > 0) {
            events.ensureQuarantineTable(schema);
        }
        if (converted.rowCount() > 0) {
            buffer.locked(table, () -> {
                inserter.insert(
                        table, into -> database.insert(into, converted.columns(), converted.types(), converted.rows()));
                return null;
            });
        }
        String quarantine = QuarantineTable.name(schema.table());
        buffer.locked(quarantine, () -> {
            execute(quarantine, converted.quarantineRows());
            return null;
        });
        return new IngestResult(converted.rowCount(), converted.quarantineCount());
    }

    /** Inserts JSONEachRow {@code rows}. */
    private void execute(String table, String rows) {
        if (rows.isEmpty()) {
            return;
        }
        byte[] bytes = rows.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        inserter.insert(table, into -> database.insert(into, List.of(), "JSONEachRow", bytes, 0, bytes.length));
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
