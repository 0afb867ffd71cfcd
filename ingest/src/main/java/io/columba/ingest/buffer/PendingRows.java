package io.columba.ingest.buffer;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Logged rows waiting to be inserted into {@code table}; {@code applied} completes once they are in the table
 * (exceptionally when they were set aside after failing). {@code attempts} counts failed inserts.
 */
final class PendingRows {
    final long sequence;
    final String table;
    final int rowCount;
    /** TabSeparated text of these columns, or JSONEachRow text when empty. */
    final List<String> columns;

    final String rows;
    final CompletableFuture<Void> applied = new CompletableFuture<>();
    int attempts;

    PendingRows(long sequence, String table, int rowCount, List<String> columns, String rows) {
        this.sequence = sequence;
        this.table = table;
        this.rowCount = rowCount;
        this.columns = columns;
        this.rows = rows;
    }

    long bytes() {
        return rows.length();
    }
}
