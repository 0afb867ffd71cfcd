package io.columba.executor.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.executor.Database;
import io.columba.executor.QueryResult;
import io.columba.executor.QuerySettings;
import io.columba.storage.column.LongColumn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer process ({@link CrashWriter}) with SIGKILL at random moments of its inserts and merges, 50 times,
 * and after each kill opens the table and checks it against what the writer acknowledged: every acknowledged batch
 * present exactly once and whole, no row twice, and of the one batch in flight at the kill nothing or whole
 * partitions (an insert writes one part per partition). Some kills must land in the middle of writing a part.
 */
class CrashSafetyTest {
    private static final int ITERATIONS = 50;

    @TempDir
    Path folder;

    /** Kills that left a half-written part behind (cleaned when the table opens; see MergeTreeTableTest). */
    private int killsDuringWrites;

    @Test
    void killedWriterLosesNothingAcknowledgedAndDuplicatesNothing() throws Exception {
        Random random = new Random(20261123);
        Set<Long> acknowledged = new HashSet<>();
        Set<Long> inFlight = new HashSet<>();
        long next = 0;
        int killsAfterAcks = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Process writer = startWriter(next);
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("writer start").isEqualTo("READY");
            int acksBeforeKill = random.nextInt(12);
            long lastAck = next - 1;
            for (int i = 0; i < acksBeforeKill; i++) {
                String line = out.readLine();
                assertThat(line).as("writer output").startsWith("ACK ");
                lastAck = Long.parseLong(line.substring(4));
                acknowledged.add(lastAck);
            }
            Thread.sleep(random.nextInt(40));
            writer.toHandle().destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("ACK ")) {
                    lastAck = Long.parseLong(line.substring(4));
                    acknowledged.add(lastAck);
                }
            }
            killsAfterAcks += acksBeforeKill > 0 ? 1 : 0;
            inFlight.add(lastAck + 1);
            next = check(acknowledged, inFlight, lastAck);
        }
        System.out.printf(
                "crash test: %d kills, %d batches acknowledged, %d kills left a half-written part%n",
                ITERATIONS, acknowledged.size(), killsDuringWrites);
        assertThat(acknowledged).hasSizeGreaterThan(ITERATIONS);
        assertThat(killsAfterAcks).isGreaterThan(ITERATIONS / 2);
        assertThat(killsDuringWrites)
                .as("kills in the middle of writing a part")
                .isPositive();
    }

    /** Checks the table after a kill; returns the batch number the next writer starts at. */
    private long check(Set<Long> acknowledged, Set<Long> inFlight, long lastAck) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            if (files.anyMatch(p -> p.getFileName().toString().startsWith("tmp_"))) {
                killsDuringWrites++;
            }
        }
        {
            try (Database database = Database.open(folder)) {
                if (longAt(database.execute("EXISTS TABLE t", QuerySettings.DEFAULTS), 0, 0) == 0) {
                    assertThat(acknowledged).isEmpty();
                    return 0;
                }
                QueryResult totals = database.execute("SELECT count(), uniqExact(id) FROM t", QuerySettings.DEFAULTS);
                long rows = longAt(totals, 0, 0);
                assertThat(longAt(totals, 1, 0))
                        .as("distinct ids = rows (no duplicates)")
                        .isEqualTo(rows);
                QueryResult batches = database.execute(
                        "SELECT batch, count() FROM t GROUP BY batch ORDER BY batch", QuerySettings.DEFAULTS);
                Map<Long, Long> present = new HashMap<>();
                List<io.columba.storage.block.Block> blocks = batches.blocks();
                for (var block : blocks) {
                    for (int r = 0; r < block.rowCount(); r++) {
                        present.put(
                                ((LongColumn) block.column(0).materialize()).get(r),
                                ((LongColumn) block.column(1).materialize()).get(r));
                    }
                }
                long max = lastAck;
                for (long batch : acknowledged) {
                    assertThat(present.get(batch))
                            .as("rows of acknowledged batch %d", batch)
                            .isEqualTo((long) CrashWriter.ROWS_PER_BATCH);
                }
                for (Map.Entry<Long, Long> entry : present.entrySet()) {
                    long batch = entry.getKey();
                    max = Math.max(max, batch);
                    if (!acknowledged.contains(batch)) {
                        assertThat(inFlight)
                                .as("unacknowledged batch %d was in flight", batch)
                                .contains(batch);
                        assertThat(entry.getValue())
                                .as("rows of in-flight batch %d: whole partitions", batch)
                                .isIn((long) CrashWriter.ROWS_PER_BATCH / 2, (long) CrashWriter.ROWS_PER_BATCH);
                    }
                }
                return max + 1;
            }
        }
    }

    private static long longAt(QueryResult result, int column, int row) {
        return ((LongColumn) result.blocks().get(0).column(column).materialize()).get(row);
    }

    private Process startWriter(long firstBatch) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classPath,
                        CrashWriter.class.getName(),
                        folder.toString(),
                        Long.toString(firstBatch))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
