package io.columba.ingest.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.storage.error.ColumbaException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsertLogTest {
    @TempDir
    Path folder;

    @Test
    void recordsSurviveReopeningInOrderAndSequencesKeepGrowing() {
        try (InsertLog log = InsertLog.open(folder, 1 << 20)) {
            long first = log.appendRows("t", 2, "{\"a\":\"1\"}\n{\"a\":\"2\"}\n");
            log.sync(first);
            log.intent("t", 4, List.of(first));
            log.aborted("t", List.of(first));
        }
        try (InsertLog log = InsertLog.open(folder, 1 << 20)) {
            assertThat(log.recovered()).hasSize(3);
            LogRecord.Rows rows = (LogRecord.Rows) log.recovered().get(0);
            assertThat(rows.rowCount()).isEqualTo(2);
            assertThat(rows.rows()).isEqualTo("{\"a\":\"1\"}\n{\"a\":\"2\"}\n");
            assertThat(((LogRecord.Intent) log.recovered().get(1)).maxBlockBefore())
                    .isEqualTo(4);
            assertThat(log.appendRows("t", 1, "{}\n")).isEqualTo(4);
        }
    }

    @Test
    void tabSeparatedRowsKeepTheirColumns() {
        try (InsertLog log = InsertLog.open(folder, 1 << 20)) {
            log.sync(log.appendRows("t", 2, List.of("a", "b"), "1\tx\n2\ty\n"));
        }
        try (InsertLog log = InsertLog.open(folder, 1 << 20)) {
            LogRecord.Rows rows = (LogRecord.Rows) log.recovered().get(0);
            assertThat(rows.columns()).containsExactly("a", "b");
            assertThat(rows.rows()).isEqualTo("1\tx\n2\ty\n");
        }
    }

    @Test
    void aTornTailOfTheLastSegmentIsCutOff() throws IOException {
        try (InsertLog log = InsertLog.open(folder, 1 << 20)) {
            log.sync(log.appendRows("t", 1, "{\"a\":\"1\"}\n"));
            log.sync(log.appendRows("t", 1, "{\"a\":\"2\"}\n"));
        }
        Path segment = segments().get(0);
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3);
        }

        try (InsertLog log = InsertLog.open(folder, 1 << 20)) {
            assertThat(log.recovered()).hasSize(1);
        }
        try (InsertLog log = InsertLog.open(folder, 1 << 20)) {
            assertThat(log.recovered())
                    .as("cut for good, the next open reads the same")
                    .hasSize(1);
        }
    }

    @Test
    void aBadChecksumBeforeTheLastSegmentIsCorruption() throws IOException {
        try (InsertLog log = InsertLog.open(folder, 1 << 20)) {
            log.sync(log.appendRows("t", 1, "{\"a\":\"1\"}\n"));
        }
        try (InsertLog log = InsertLog.open(folder, 1 << 20)) {
            log.sync(log.appendRows("t", 1, "{\"a\":\"2\"}\n"));
        }
        Path first = segments().get(0);
        byte[] bytes = Files.readAllBytes(first);
        bytes[bytes.length - 2] ^= 0x55;
        Files.write(first, bytes);

        assertThatThrownBy(() -> InsertLog.open(folder, 1 << 20))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("is corrupt")
                .hasMessageContaining("fails its checksum");
    }

    @Test
    void segmentsRollOverAndAreDeletedOnceApplied() throws IOException {
        try (InsertLog log = InsertLog.open(folder, 64)) {
            long a = log.appendRows("t", 1, "{\"a\":\"" + "x".repeat(100) + "\"}\n");
            long b = log.appendRows("t", 1, "{\"a\":\"" + "y".repeat(100) + "\"}\n");
            log.sync(b);
            log.appendRows("t", 1, "{}\n");
            assertThat(segments()).hasSize(3);

            log.applied("t", List.of(b));
            assertThat(segments())
                    .as("the first segment still holds unapplied rows")
                    .hasSize(3);
            log.applied("t", List.of(a));
            assertThat(segments()).as("the third still holds {}").hasSize(2);
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
