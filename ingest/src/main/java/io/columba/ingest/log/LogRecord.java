package io.columba.ingest.log;

import io.columba.storage.block.Block;
import io.columba.storage.type.DataType;
import java.util.List;

/**
 * One record of the {@link InsertLog}, numbered by a sequence that grows across segments and restarts. Rows are
 * logged before they are acknowledged; an intent before they are inserted into their table (with the highest
 * block number the table had, so recovery can tell whether that insert committed); applied once they are in the
 * table; aborted when the insert failed and changed nothing.
 */
public sealed interface LogRecord {
    long sequence();

    /**
     * Rows for {@code table} that were acknowledged to a client: TabSeparated text of {@code columns}, or
     * JSONEachRow text when {@code columns} is empty.
     */
    record Rows(long sequence, String table, int rowCount, List<String> columns, String rows) implements LogRecord {
        public Rows {
            columns = List.copyOf(columns);
        }

        /** JSONEachRow rows. */
        public Rows(long sequence, String table, int rowCount, String rows) {
            this(sequence, table, rowCount, List.of(), rows);
        }
    }

    /**
     * Rows for {@code table} that were acknowledged to a client, converted already: {@code block}'s columns are the
     * values of {@code columns}, of {@code types}.
     */
    record BlockRows(long sequence, String table, List<String> columns, List<DataType> types, Block block)
            implements LogRecord {
        public BlockRows {
            columns = List.copyOf(columns);
            types = List.copyOf(types);
        }

        public int rowCount() {
            return block.rowCount();
        }
    }

    /** The rows of {@code rowSequences} are about to be inserted into {@code table}, whose parts end at block {@code maxBlockBefore}. */
    record Intent(long sequence, String table, long maxBlockBefore, List<Long> rowSequences) implements LogRecord {
        public Intent {
            rowSequences = List.copyOf(rowSequences);
        }
    }

    /** The rows of {@code rowSequences} are in {@code table}'s parts (or were set aside, never to be retried). */
    record Applied(long sequence, String table, List<Long> rowSequences) implements LogRecord {
        public Applied {
            rowSequences = List.copyOf(rowSequences);
        }
    }

    /** The insert announced by an intent failed and changed nothing: the rows are still to be inserted. */
    record Aborted(long sequence, String table, List<Long> rowSequences) implements LogRecord {
        public Aborted {
            rowSequences = List.copyOf(rowSequences);
        }
    }
}
