package io.columba.ingest.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.storage.block.Block;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.column.ValueEquality;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
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
    void convertedRowsComeBackWithTheirTypesAndValues() {
        List<DataType> types = Stream.of("UInt32", "Nullable(String)", "Float32", "Array(Int64)", "DateTime")
                .map(DataTypeParser::parse)
                .toList();
        StringColumnBuilder texts = new StringColumnBuilder(3);
        texts.append("caf\u00e9\t\\");
        texts.appendNull();
        texts.append("");
        ArrayColumn arrays =
                new ArrayColumn(new int[] {0, 2, 2, 3}, new LongColumn(new long[] {1, -2, Long.MIN_VALUE}), null, 3);
        Block block = new Block(
                3,
                List.of(
                        new LongColumn(new long[] {0, 4_294_967_295L, 7}),
                        texts.build(),
                        new DoubleColumn(new double[] {1.5, -0.0, 3.25}),
                        arrays,
                        new LongColumn(new long[] {0, 1_714_557_600L, 86_400})));
        try (InsertLog log = InsertLog.open(folder, 1 << 20)) {
            log.sync(log.appendRows("t", 1, "{}\n"));
            log.sync(log.appendBlock("t", List.of("a", "b", "c", "d", "e"), types, block));
        }
        try (InsertLog log = InsertLog.open(folder, 1 << 20)) {
            LogRecord.BlockRows rows = (LogRecord.BlockRows) log.recovered().get(1);
            assertThat(rows.sequence()).isEqualTo(2);
            assertThat(rows.columns()).containsExactly("a", "b", "c", "d", "e");
            assertThat(rows.types()).isEqualTo(types);
            assertThat(rows.rowCount()).isEqualTo(3);
            for (int c = 0; c < types.size(); c++) {
                for (int row = 0; row < 3; row++) {
                    assertThat(ValueEquality.equal(rows.block().column(c), row, block.column(c), row))
                            .as("column %d row %d", c, row)
                            .isTrue();
                }
            }
            assertThat(((DoubleColumn) rows.block().column(2)).get(1)).isEqualTo(-0.0);
            assertThat(rows.block().column(1).isNull(1)).isTrue();
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
