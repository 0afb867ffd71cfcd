package io.columba.ingest.buffer;

import io.columba.ingest.log.LogRecord;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.StringColumn;
import io.columba.storage.type.DataType;
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
    /** The columns of the block, or of the TabSeparated text (JSONEachRow text when empty). */
    final List<String> columns;

    /** The rows as text, or null when they are a block. */
    final String rows;

    final List<DataType> types;
    final Block block;
    final CompletableFuture<Void> applied = new CompletableFuture<>();
    int attempts;

    private PendingRows(
            long sequence,
            String table,
            int rowCount,
            List<String> columns,
            String rows,
            List<DataType> types,
            Block block) {
        this.sequence = sequence;
        this.table = table;
        this.rowCount = rowCount;
        this.columns = columns;
        this.rows = rows;
        this.types = types;
        this.block = block;
    }

    /** {@code batch}, logged as {@code sequence}. */
    static PendingRows of(long sequence, TableRows batch) {
        return new PendingRows(
                sequence, batch.table(), batch.rowCount(), batch.columns(), batch.rows(), batch.types(), batch.block());
    }

    /** The rows of a rows record found in the log; null when {@code record} is not one. */
    static PendingRows of(LogRecord record) {
        return switch (record) {
            case LogRecord.Rows text ->
                new PendingRows(
                        text.sequence(), text.table(), text.rowCount(), text.columns(), text.rows(), null, null);
            case LogRecord.BlockRows converted ->
                new PendingRows(
                        converted.sequence(),
                        converted.table(),
                        converted.rowCount(),
                        converted.columns(),
                        null,
                        converted.types(),
                        converted.block());
            default -> null;
        };
    }

    /** Whether these rows and {@code other} can be inserted together: same columns, both text or both blocks. */
    boolean insertsWith(PendingRows other) {
        return columns.equals(other.columns)
                && (block == null) == (other.block == null)
                && (types == null || types.equals(other.types));
    }

    long bytes() {
        return block == null ? rows.length() : bytes(block);
    }

    /** About the memory {@code block} takes. */
    static long bytes(Block block) {
        long bytes = 0;
        for (Column column : block.columns()) {
            bytes += column instanceof StringColumn strings
                    ? strings.offsets()[strings.size()] + 4L * strings.size()
                    : 8L * block.rowCount();
        }
        return bytes;
    }
}
