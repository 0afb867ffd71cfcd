package io.columba.ingest.buffer;

import io.columba.executor.Database;
import io.columba.ingest.log.InsertLog;
import io.columba.ingest.log.LogRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the rows an earlier run acknowledged but did not insert. Rows named by an applied record are done. Rows
 * whose last word is an intent were being inserted when the run stopped: that insert committed when the table now
 * has a block above the intent's {@code maxBlockBefore} (then they are recorded as applied), else they are
 * pending, as are rows with no intent or an aborted one.
 */
final class LogRecovery {
    private LogRecovery() {}

    static List<PendingRows> pendingRows(InsertLog log, Database database) {
        Map<Long, PendingRows> rows = new LinkedHashMap<>();
        Map<Long, LogRecord> lastWord = new HashMap<>();
        for (LogRecord record : log.recovered()) {
            switch (record) {
                case LogRecord.Rows logged -> rows.put(logged.sequence(), PendingRows.of(logged));
                case LogRecord.BlockRows logged -> rows.put(logged.sequence(), PendingRows.of(logged));
                case LogRecord.Intent intent -> intent.rowSequences().forEach(s -> lastWord.put(s, intent));
                case LogRecord.Aborted aborted -> aborted.rowSequences().forEach(s -> lastWord.put(s, aborted));
                case LogRecord.Applied applied -> applied.rowSequences().forEach(rows::remove);
            }
        }
        Map<LogRecord.Intent, List<Long>> inDoubt = new LinkedHashMap<>();
        for (long sequence : rows.keySet()) {
            if (lastWord.get(sequence) instanceof LogRecord.Intent intent) {
                inDoubt.computeIfAbsent(intent, i -> new ArrayList<>()).add(sequence);
            }
        }
        for (Map.Entry<LogRecord.Intent, List<Long>> doubt : inDoubt.entrySet()) {
            LogRecord.Intent intent = doubt.getKey();
            if (TableBlocks.maxBlock(database, intent.table()) > intent.maxBlockBefore()) {
                log.applied(intent.table(), doubt.getValue());
                doubt.getValue().forEach(rows::remove);
            }
        }
        return new ArrayList<>(rows.values());
    }
}
