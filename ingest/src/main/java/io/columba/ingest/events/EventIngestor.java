package io.columba.ingest.events;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import io.columba.ingest.buffer.InsertBuffer;
import io.columba.ingest.buffer.TableRows;
import io.columba.ingest.json.ConvertedRows;
import io.columba.ingest.json.IngestSchema;
import io.columba.ingest.json.QuarantineTable;
import io.columba.ingest.json.RowConverter;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Events API path: an NDJSON body is parsed, mapped by JSONPath and checked against the table's types; rows
 * that convert go to the table and the others to its quarantine table (created on first use), both through the
 * {@link InsertBuffer}, so they are durable when {@link #ingest} returns and inserted once.
 */
public final class EventIngestor {
    private final Database database;
    private final InsertBuffer buffer;
    private final RowConverter converter;
    private final Set<String> quarantineTables = ConcurrentHashMap.newKeySet();

    public EventIngestor(Database database, InsertBuffer buffer, RowConverter converter) {
        this.database = database;
        this.buffer = buffer;
        this.converter = converter;
    }

    /**
     * Ingests {@code body} into {@code schema}'s table. With {@code wait}, returns once the rows are in the table;
     * otherwise once they are durable in the log. A body that is not JSON is refused, changing nothing.
     */
    public IngestResult ingest(IngestSchema schema, byte[] body, boolean wait) {
        ConvertedRows converted = converter.convert(schema, body, null);
        if (converted.quarantineCount() > 0) {
            ensureQuarantineTable(schema);
        }
        CompletableFuture<Void> applied = buffer.submit(
                List.of(
                        new TableRows(schema.table(), converted.columns(), converted.types(), converted.rows()),
                        new TableRows(
                                QuarantineTable.name(schema.table()),
                                converted.quarantineCount(),
                                converted.quarantineRows())),
                wait);
        if (wait) {
            try {
                applied.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof ColumbaException columba) {
                    throw columba;
                }
                throw new ColumbaException(ErrorCode.LOGICAL_ERROR, "Cannot insert the rows: " + e.getCause(), e);
            }
        }
        return new IngestResult(converted.rowCount(), converted.quarantineCount());
    }

    /** Creates {@code <table>_quarantine} unless it exists. */
    public void ensureQuarantineTable(IngestSchema schema) {
        String name = QuarantineTable.name(schema.table());
        if (quarantineTables.contains(name)) {
            return;
        }
        database.execute(QuarantineTable.createStatement(schema), QuerySettings.DEFAULTS);
        quarantineTables.add(name);
    }
}
