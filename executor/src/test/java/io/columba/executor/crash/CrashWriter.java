package io.columba.executor.crash;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;

/**
 * The process {@link CrashSafetyTest} kills: inserts numbered batches of rows into table {@code t} of the database
 * in {@code args[0]}, starting at batch {@code args[1]}, printing {@code ACK <batch>} once each insert has
 * returned. Every few batches it also runs {@code OPTIMIZE TABLE t FINAL}, so kills land in inserts, background
 * merges and forced merges alike. Runs until killed.
 */
public final class CrashWriter {
    static final int ROWS_PER_BATCH = 1000;
    static final String CREATE = "CREATE TABLE IF NOT EXISTS t (id UInt64, batch UInt32, p UInt8, payload String)"
            + " ENGINE = MergeTree PARTITION BY p ORDER BY id SETTINGS index_granularity = 256";

    private CrashWriter() {}

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        long batch = Long.parseLong(args[1]);
        PrintStream out = System.out;
        Random random = new Random(batch);
        try (Database database = Database.open(folder)) {
            database.execute(CREATE, QuerySettings.DEFAULTS);
            out.println("READY");
            out.flush();
            while (true) {
                long first = batch * ROWS_PER_BATCH;
                database.execute(
                        "INSERT INTO t SELECT " + first + " + number, " + batch + ", number % 2,"
                                + " toString(number * 7919) FROM numbers(" + ROWS_PER_BATCH + ")",
                        QuerySettings.DEFAULTS);
                out.println("ACK " + batch);
                out.flush();
                batch++;
                if (random.nextInt(8) == 0) {
                    database.execute("OPTIMIZE TABLE t FINAL", QuerySettings.DEFAULTS);
                }
            }
        }
    }
}
