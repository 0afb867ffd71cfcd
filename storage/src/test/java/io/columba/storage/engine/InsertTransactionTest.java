package io.columba.storage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.storage.block.Block;
import io.columba.storage.column.LongColumn;
import io.columba.storage.part.DataPart;
import io.columba.storage.type.IntegerType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsertTransactionTest {
    private static final TableSchema SCHEMA =
            new TableSchema(List.of(new ColumnDefinition("id", IntegerType.INT64)), List.of(IntegerType.INT64));

    @TempDir
    Path folder;

    @Test
    void stagedPartsAreSeenOnlyByTheTransactionUntilItCommits() {
        MergeTreeTable table = table();
        insert(table, 0, 5);
        InsertTransaction transaction = new InsertTransaction();

        long seenInside = transaction.run(() -> {
            insert(table, 5, 10);
            insert(table, 10, 12);
            return table.rowCount();
        });

        assertThat(seenInside).isEqualTo(12);
        assertThat(CompletableFuture.supplyAsync(table::rowCount).join()).isEqualTo(5);
        assertThat(table.rowCount()).isEqualTo(5);
        assertThat(transaction.stagedRows()).isEqualTo(7);

        transaction.commit(InsertTransaction.Publisher.DIRECT);

        assertThat(table.rowCount()).isEqualTo(12);
        assertThat(sum(table)).isEqualTo(sumOf(0, 12));
        assertThat(children()).noneMatch(name -> name.startsWith("tmp_") || name.startsWith("txn_"));
        assertThat(table().rowCount()).as("after a restart").isEqualTo(12);
    }

    @Test
    void publishedPartsGetNewBlocksAfterEveryOtherPart() {
        MergeTreeTable table = table();
        InsertTransaction transaction = new InsertTransaction();
        transaction.run(() -> insert(table, 0, 3));
        insert(table, 3, 4);

        transaction.commit(InsertTransaction.Publisher.DIRECT);

        List<Long> blocks = new ArrayList<>();
        for (DataPart part : table.snapshot()) {
            blocks.add(part.name().minBlock());
        }
        assertThat(blocks).containsExactly(1L, 2L);
        assertThat(table.snapshot().get(1).rowCount()).isEqualTo(3);
    }

    @Test
    void abortLeavesNothing() {
        MergeTreeTable table = table();
        InsertTransaction transaction = new InsertTransaction();
        transaction.run(() -> insert(table, 0, 100));

        transaction.abort();

        assertThat(table.rowCount()).isZero();
        assertThat(children()).isEmpty();
    }

    @Test
    void crashBeforeTheCommitLeavesNothingAfterARestart() {
        MergeTreeTable table = table();
        insert(table, 0, 2);
        InsertTransaction transaction = new InsertTransaction();
        transaction.run(() -> insert(table, 2, 50));

        MergeTreeTable restarted = table();

        assertThat(restarted.rowCount()).isEqualTo(2);
        assertThat(children()).noneMatch(name -> name.startsWith("tmp_"));
    }

    @Test
    void crashAfterThePublicationRecordFinishesItsRenamesAtTheRestart() throws IOException {
        MergeTreeTable table = table();
        InsertTransaction transaction = new InsertTransaction();
        transaction.run(() -> insert(table, 0, 10));
        transaction.run(() -> insert(table, 10, 30));
        List<DataPart> staged = transaction.run(table::snapshot);
        List<StagedPublication.Rename> renames = List.of(
                new StagedPublication.Rename(
                        staged.get(0).folder().getFileName().toString(), "all_1_1_0"),
                new StagedPublication.Rename(
                        staged.get(1).folder().getFileName().toString(), "all_2_2_0"));
        StagedPublication.write(folder, "crashed", renames);
        // The crash came after the first rename only.
        Files.move(staged.get(0).folder(), folder.resolve("all_1_1_0"));

        MergeTreeTable restarted = table();

        assertThat(restarted.rowCount()).isEqualTo(30);
        assertThat(sum(restarted)).isEqualTo(sumOf(0, 30));
        assertThat(children()).containsExactlyInAnyOrder("all_1_1_0", "all_2_2_0");
    }

    @Test
    void aTornPublicationRecordIsDroppedWithItsStagedParts() throws IOException {
        MergeTreeTable table = table();
        InsertTransaction transaction = new InsertTransaction();
        transaction.run(() -> insert(table, 0, 10));
        Files.write(folder.resolve("txn_torn"), new byte[] {'C', 'L', 'T', 'X', 1, 0});

        MergeTreeTable restarted = table();

        assertThat(restarted.rowCount()).isZero();
        assertThat(children()).isEmpty();
    }

    @Test
    void partsOfATableDroppedBeforeTheCommitAreLeftOut() {
        MergeTreeTable kept = table();
        MergeTreeTable dropped = new MergeTreeTable(folder.resolve("staging"), SCHEMA, new TableSettings(8));
        InsertTransaction transaction = new InsertTransaction();
        transaction.run(() -> {
            insert(dropped, 0, 4);
            insert(kept, 0, 4);
            return null;
        });
        dropped.deleteData();

        transaction.commit(InsertTransaction.Publisher.DIRECT);

        assertThat(kept.rowCount()).isEqualTo(4);
    }

    @Test
    void aLargeImportMergesItsStagedPartsSoTheCommitPublishesFewOfThem() {
        MergeTreeTable table = sortedTable();
        int batches = 5 * MergeTreeTable.PARTS_BEFORE_MERGE;
        InsertTransaction transaction = new InsertTransaction();
        transaction.run(() -> {
            for (int b = 0; b < batches; b++) {
                // Interleaved ids: every batch spans the whole key range, so a merge must sort across batches.
                long[] ids = new long[10];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = (long) i * batches + b;
                }
                Block rows = new Block(ids.length, List.of(new LongColumn(ids)));
                table.insertSorted("all", rows, rows);
            }
            return null;
        });
        assertThat(table.rowCount()).as("nothing visible before the commit").isZero();
        assertThat(children()).allMatch(name -> name.startsWith("tmp_"));
        assertThat(children()).hasSizeLessThan(2 * MergeTreeTable.PARTS_BEFORE_MERGE);

        transaction.commit(InsertTransaction.Publisher.DIRECT);

        List<DataPart> parts = table.snapshot();
        assertThat(parts).hasSizeLessThan(2 * MergeTreeTable.PARTS_BEFORE_MERGE);
        assertThat(parts).anyMatch(part -> part.rowCount() > 10);
        assertThat(table.rowCount()).isEqualTo(batches * 10L);
        assertThat(sum(table)).isEqualTo(sumOf(0, batches * 10L));
        for (DataPart part : parts) {
            LongColumn ids = (LongColumn) part.readOrDefault(SCHEMA.columns().get(0), 0, part.granuleCount());
            for (int i = 1; i < ids.size(); i++) {
                assertThat(ids.get(i)).as("part %s sorted", part.name()).isGreaterThan(ids.get(i - 1));
            }
        }
        // No staged part (negative block numbers) nor publication record is left; a background merge's tmp_ may be.
        assertThat(children()).noneMatch(name -> name.startsWith("tmp_all_-") || name.startsWith("txn_"));
        // Over 16 parts: a background merge may be running; dropping waits for it before the folder goes.
        table.deleteData();
    }

    @Test
    void anAbortedLargeImportLeavesNothingEitherWithItsStagedMerges() {
        MergeTreeTable table = sortedTable();
        InsertTransaction transaction = new InsertTransaction();
        transaction.run(() -> {
            for (int b = 0; b < 3 * MergeTreeTable.PARTS_BEFORE_MERGE; b++) {
                insert(table, b * 5L, b * 5L + 5);
            }
            return null;
        });

        transaction.abort();

        assertThat(table.rowCount()).isZero();
        assertThat(children()).isEmpty();
    }

    /** A table ordered by id, whose staged parts a large import merges. */
    private MergeTreeTable sortedTable() {
        SortingKey byId = new SortingKey() {
            @Override
            public Block evaluate(Block rows) {
                return new Block(rows.rowCount(), List.of(rows.column(0)));
            }

            @Override
            public int[] sortedOrder(Block keys) {
                return io.columba.storage.block.PackedKeySort.sortedOrder(keys, List.of(IntegerType.INT64));
            }
        };
        return new MergeTreeTable(folder, SCHEMA, new TableSettings(8), byId, MergingMode.ORDINARY);
    }

    private MergeTreeTable table() {
        return new MergeTreeTable(folder, SCHEMA, new TableSettings(8));
    }

    private static Void insert(MergeTreeTable table, long from, long to) {
        long[] ids = new long[(int) (to - from)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = from + i;
        }
        Block rows = new Block(ids.length, List.of(new LongColumn(ids)));
        table.insertSorted("all", rows, rows);
        return null;
    }

    private static long sum(MergeTreeTable table) {
        long sum = 0;
        for (DataPart part : table.snapshot()) {
            LongColumn ids = (LongColumn) part.readOrDefault(SCHEMA.columns().get(0), 0, part.granuleCount());
            for (int i = 0; i < part.rowCount(); i++) {
                sum += ids.get(i);
            }
        }
        return sum;
    }

    private static long sumOf(long from, long to) {
        long sum = 0;
        for (long i = from; i < to; i++) {
            sum += i;
        }
        return sum;
    }

    private List<String> children() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("staging"))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
