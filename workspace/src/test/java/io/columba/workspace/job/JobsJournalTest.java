package io.columba.workspace.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsJournalTest {
    @TempDir
    Path directory;

    @Test
    void jobsAndTheirResultsSurviveARestartAndUnfinishedOnesAreFailed() throws Exception {
        Path journal = directory.resolve("jobs.ndjson");
        Jobs before = Jobs.open(journal);
        before.completed("delete_data", "j-done", Map.of("datasource", "events"), Map.of("rows_affected", 3));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        before.submit("import", "j-working", Map.of("datasource", "events"), job -> {
            started.countDown();
            release.await();
            return Map.of();
        });
        before.submit("copy", "j-waiting", Map.of("pipe_name", "p"), job -> Map.of());
        started.await();
        // A crash: the old instance is abandoned as it is (its thread still blocked), a new one reads the journal.
        Files.writeString(journal, "{\"id\": \"j-cut", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try {
            Jobs after = Jobs.open(journal);
            assertRestored(after);
            Jobs again = Jobs.open(journal);
            assertRestored(again);
            assertEquals(3, Files.readAllLines(journal).size(), "the journal is rewritten with one line per job");
        } finally {
            release.countDown();
            before.close();
        }
    }

    private static void assertRestored(Jobs jobs) {
        assertEquals(3, jobs.list().size());
        assertEquals("j-waiting", jobs.list().get(0).id(), "newest first");
        Map<String, Object> done = jobs.job("j-done").orElseThrow().toJson("http://h");
        assertEquals("done", done.get("status"));
        assertEquals(3, done.get("rows_affected"));
        assertEquals("events", done.get("datasource"));
        for (String id : new String[] {"j-working", "j-waiting"}) {
            Map<String, Object> interrupted = jobs.job(id).orElseThrow().toJson("http://h");
            assertEquals("error", interrupted.get("status"), id);
            assertTrue(((String) interrupted.get("error")).contains("server stopped"), id);
        }
    }

    @Test
    void inMemoryJobsNeedNoJournal() throws Exception {
        try (Jobs jobs = new Jobs()) {
            jobs.completed("append", "a", Map.of(), Map.of("rows", 1));
            assertEquals("done", jobs.job("a").orElseThrow().toJson("x").get("status"));
        }
        assertTrue(Files.list(directory).findAny().isEmpty());
    }
}
