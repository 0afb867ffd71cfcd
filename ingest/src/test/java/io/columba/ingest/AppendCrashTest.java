package io.columba.ingest;

import static io.columba.ingest.TestQueries.tsv;
import static org.assertj.core.api.Assertions.assertThat;

import io.columba.executor.Database;
import io.columba.executor.QuerySettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file append in its own JVM killed with SIGKILL in the middle (after some of its batches were written, staged):
 * once the database opens again nothing of the append is in the table and no staged part is left on disk; the
 * same file then appends whole.
 */
class AppendCrashTest {
    private static final int ROWS = 50_000;
    private static final int BATCH_ROWS = 1_000;

    @TempDir
    Path folder;

    @Test
    void killNineInTheMiddleOfAnAppendLeavesNothingOfIt() throws Exception {
        Path data = folder.resolve("database");
        try (Database database = Database.open(data)) {
            database.execute(
                    "CREATE TABLE events (id UInt32, name String) ENGINE = MergeTree ORDER BY id",
                    QuerySettings.DEFAULTS);
            database.insert("events", List.of(), "CSV", "0,before\n".getBytes(StandardCharsets.UTF_8), 0, 9);
        }
        Path csv = folder.resolve("events.csv");
        try (Writer out = Files.newBufferedWriter(csv)) {
            for (int i = 1; i <= ROWS; i++) {
                out.write(i + ",name-" + i + "\n");
            }
        }

        Process append = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StalledAppend.class.getName(),
                        data.toString(),
                        csv.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long written = awaitWritten(append);
        append.destroyForcibly();
        assertThat(append.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(written).isGreaterThanOrEqualTo(StalledAppend.STALL_AFTER_ROWS);
        assertThat(leftovers(data)).as("staged parts written before the kill").isNotEmpty();
        try (Database database = Database.open(data)) {
            assertThat(tsv(database, "SELECT count(), min(name) FROM events")).isEqualTo("1\tbefore\n");
            assertThat(leftovers(data)).isEmpty();

            long appended = new FileAppender(database, BATCH_ROWS).append("events", csv);

            assertThat(appended).isEqualTo(ROWS);
            assertThat(tsv(database, "SELECT count(), sum(id) FROM events"))
                    .isEqualTo((ROWS + 1) + "\t" + ((long) ROWS * (ROWS + 1) / 2) + "\n");
        }
    }

    /** The rows the append says it wrote before it stalled. */
    private static long awaitWritten(Process append) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(append.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("stalled after ")) {
                return Long.parseLong(line.substring("stalled after ".length()));
            }
        }
        throw new IllegalStateException("the append ended before it stalled: exit " + append.exitValue());
    }

    private static List<Path> leftovers(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("data"))) {
            return files.filter(path -> {
                        String name = path.getFileName().toString();
                        return name.startsWith("tmp_") || name.startsWith("txn_");
                    })
                    .toList();
        }
    }

    /**
     * Appends a CSV file in batches of {@link #BATCH_ROWS} rows, and once {@link #STALL_AFTER_ROWS} rows are
     * written says so on stdout and stalls (reads stdin, which never comes) until it is killed.
     */
    public static final class StalledAppend {
        static final long STALL_AFTER_ROWS = 10_000;

        public static void main(String[] args) throws IOException {
            Database database = Database.open(Path.of(args[0]));
            AppendListener stall = rowsSoFar -> {
                if (rowsSoFar >= STALL_AFTER_ROWS) {
                    System.out.println("stalled after " + rowsSoFar);
                    System.out.flush();
                    try {
                        System.in.read();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            };
            try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
                new FileAppender(database, BATCH_ROWS).append("events", List.of(), in, InputFormat.CSV, stall);
            }
        }
    }
}
