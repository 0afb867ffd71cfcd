package io.columba.storage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.storage.block.Block;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.DataPart;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeTreeTableTest {
    @TempDir
    Path folder;

    private static final TableSchema SCHEMA = new TableSchema(
            List.of(
                    new ColumnDefinition("id", IntegerType.INT64),
                    new ColumnDefinition("small", IntegerType.UINT8),
                    new ColumnDefinition("name", new NullableType(StringType.STRING)),
                    new ColumnDefinition("score", FloatType.FLOAT32)),
            List.of(IntegerType.INT64));

    private static Block rows(int count, long seed) {
        Random random = new Random(seed);
        long[] ids = new long[count];
        long[] small = new long[count];
        double[] scores = new double[count];
        boolean[] nulls = new boolean[count];
        StringColumnBuilder names = new StringColumnBuilder(count);
        for (int i = 0; i < count; i++) {
            ids[i] = i * 3L - 1000;
            small[i] = random.nextInt(256);
            scores[i] = (float) random.nextGaussian();
            if (random.nextInt(10) == 0) {
                names.appendNull();
                nulls[i] = true;
            } else {
                names.append("name-" + random.nextInt(1000));
            }
        }
        return new Block(
                count, List.of(new LongColumn(ids), new LongColumn(small), names.build(), new DoubleColumn(scores)));
    }

    @Test
    void partsRoundTripEveryValueAcrossGranulesAndRestarts() {
        int granule = 1 + new Random().nextInt(1000);
        long seed = System.nanoTime();
        Block written = rows(10_000, seed);
        MergeTreeTable table = new MergeTreeTable(folder, SCHEMA, new TableSettings(granule));
        table.insertSorted("all", written, new Block(written.rowCount(), List.of(written.column(0))));

        MergeTreeTable reopened = new MergeTreeTable(folder, SCHEMA, new TableSettings(granule));
        assertThat(reopened.rowCount()).as("granule %d seed %d", granule, seed).isEqualTo(10_000);
        DataPart part = reopened.snapshot().get(0);
        assertThat(part.name().toString()).isEqualTo("all_1_1_0");
        int granules = part.granuleCount();
        LongColumn ids = (LongColumn) part.read(0, 0, granules);
        LongColumn small = (LongColumn) part.read(1, 0, granules);
        StringColumn names = (StringColumn) part.read(2, 0, granules);
        DoubleColumn scores = (DoubleColumn) part.read(3, 0, granules);
        StringColumn expectedNames = (StringColumn) written.column(2);
        for (int i = 0; i < 10_000; i++) {
            assertThat(ids.get(i)).isEqualTo(((LongColumn) written.column(0)).get(i));
            assertThat(small.get(i)).isEqualTo(((LongColumn) written.column(1)).get(i));
            assertThat(names.isNull(i)).isEqualTo(expectedNames.isNull(i));
            assertThat(names.getString(i)).isEqualTo(expectedNames.getString(i));
            assertThat(scores.get(i)).isEqualTo(((DoubleColumn) written.column(3)).get(i));
        }
        LongColumn index = (LongColumn) part.primaryIndex().column(0);
        assertThat(index.get(0)).isEqualTo(-1000);
        assertThat(index.get(granules)).isEqualTo(ids.get(9_999));
    }

    @Test
    void leftoversOfAnInterruptedWriteAreRemovedAtOpen() throws IOException {
        MergeTreeTable table = new MergeTreeTable(folder, SCHEMA, TableSettings.DEFAULTS);
        Block written = rows(100, 1);
        table.insertSorted("all", written, new Block(100, List.of(written.column(0))));
        Files.createDirectories(folder.resolve("tmp_all_2_2_0"));
        Files.writeString(folder.resolve("tmp_all_2_2_0/id.bin"), "half a part");

        MergeTreeTable reopened = new MergeTreeTable(folder, SCHEMA, TableSettings.DEFAULTS);
        assertThat(reopened.rowCount()).isEqualTo(100);
        assertThat(folder.resolve("tmp_all_2_2_0")).doesNotExist();
        reopened.insertSorted("all", written, new Block(100, List.of(written.column(0))));
        assertThat(reopened.snapshot()).extracting(p -> p.name().toString()).containsExactly("all_1_1_0", "all_2_2_0");
    }

    @Test
    void aCorruptedBlockIsDetectedByItsChecksum() throws IOException {
        MergeTreeTable table = new MergeTreeTable(folder, SCHEMA, TableSettings.DEFAULTS);
        Block written = rows(1000, 2);
        table.insertSorted("all", written, new Block(1000, List.of(written.column(0))));
        Path bin = folder.resolve("all_1_1_0/id.bin");
        try (RandomAccessFile file = new RandomAccessFile(bin.toFile(), "rw")) {
            file.seek(40);
            int b = file.read();
            file.seek(40);
            file.write(b ^ 0xFF);
        }
        DataPart part = new MergeTreeTable(folder, SCHEMA, TableSettings.DEFAULTS)
                .snapshot()
                .get(0);
        assertThatThrownBy(() -> part.read(0, 0, part.granuleCount()))
                .isInstanceOf(ColumbaException.class)
                .extracting(e -> ((ColumbaException) e).errorCode())
                .isEqualTo(ErrorCode.CHECKSUM_DOESNT_MATCH);
    }
}
