package io.columba.storage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.storage.block.Block;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.DataPart;
import io.columba.storage.type.IntegerType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeTest {
    @TempDir
    Path folder;

    private static final TableSchema SCHEMA = new TableSchema(
            List.of(new ColumnDefinition("k", IntegerType.INT64), new ColumnDefinition("v", IntegerType.INT64)),
            List.of(IntegerType.INT64));

    /** Sorts by the first column, as a table ordered by {@code k}. */
    private static final SortingKey BY_K = new SortingKey() {
        @Override
        public Block evaluate(Block rows) {
            return new Block(rows.rowCount(), List.of(rows.column(0)));
        }

        @Override
        public int[] sortedOrder(Block keys) {
            long[] values = ((LongColumn) keys.column(0)).values();
            return java.util.stream.IntStream.range(0, keys.rowCount())
                    .boxed()
                    .sorted((a, b) -> Long.compare(values[a], values[b]))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
    };

    private static void insert(MergeTreeTable table, long[] keys, long tag) {
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        long[] tags = new long[sorted.length];
        Arrays.fill(tags, tag);
        LongColumn k = new LongColumn(sorted);
        table.insertSorted(
                "all",
                new Block(sorted.length, List.of(k, new LongColumn(tags))),
                new Block(sorted.length, List.of(k)));
    }

    private static List<Long> allKeys(MergeTreeTable table) {
        List<Long> keys = new ArrayList<>();
        for (DataPart part : table.snapshot()) {
            LongColumn column = (LongColumn) part.read(0, 0, part.granuleCount());
            for (int i = 0; i < column.size(); i++) {
                keys.add(column.get(i));
            }
        }
        return keys;
    }

    @Test
    void mergesJoinAdjacentPartsSortedAndKeepEveryRowAcrossRestarts() throws IOException {
        MergeTreeTable table = new MergeTreeTable(folder, SCHEMA, new TableSettings(7), null, MergingMode.ORDINARY);
        List<Long> expected = new ArrayList<>();
        int inserts = MergeTreeTable.PARTS_BEFORE_MERGE + 4;
        for (int p = 0; p < inserts; p++) {
            long[] keys = new long[50];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (i * (long) inserts + p) % 97;
                expected.add(keys[i]);
            }
            insert(table, keys, p);
        }
        MergeTreeTable merging = new MergeTreeTable(folder, SCHEMA, new TableSettings(7), BY_K, MergingMode.ORDINARY);
        while (merging.mergeOnce()) {
            // merge until the policy is satisfied
        }
        assertThat(merging.snapshot()).hasSizeLessThanOrEqualTo(MergeTreeTable.PARTS_BEFORE_MERGE);
        assertThat(merging.snapshot().get(0).name().level()).isGreaterThan(0);
        for (DataPart part : merging.snapshot()) {
            LongColumn keys = (LongColumn) part.read(0, 0, part.granuleCount());
            long[] values = Arrays.copyOf(keys.values(), keys.size());
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            assertThat(values).containsExactly(sorted);
        }
        expected.sort(null);
        List<Long> actual = allKeys(merging);
        actual.sort(null);
        assertThat(actual).isEqualTo(expected);

        merging.optimize(false);
        assertThat(merging.snapshot()).hasSize(1);
        MergeTreeTable reopened = new MergeTreeTable(folder, SCHEMA, new TableSettings(7), BY_K, MergingMode.ORDINARY);
        assertThat(reopened.snapshot()).hasSize(1);
        assertThat(allKeys(reopened)).isEqualTo(expected);
        try (Stream<Path> children = Files.list(folder)) {
            assertThat(children.count()).as("covered parts deleted at open").isEqualTo(1);
        }
    }

    @Test
    void aMergeOfFreshPartsReadsTheirRowsFromMemoryAndWritesWhatItWouldHaveReadFromDisk() throws IOException {
        // v is UInt8: 300 does not fit, so the part stores 44 and keeps only k in memory; the merge must still give 44.
        TableSchema schema = new TableSchema(
                List.of(new ColumnDefinition("k", IntegerType.INT64), new ColumnDefinition("v", IntegerType.UINT8)),
                List.of(IntegerType.INT64));
        MergeTreeTable table = new MergeTreeTable(folder, schema, new TableSettings(4), BY_K, MergingMode.ORDINARY);
        for (int p = 0; p < 3; p++) {
            long[] keys = {p, p + 10, p + 20};
            LongColumn k = new LongColumn(keys);
            table.insertSorted(
                    "all", new Block(3, List.of(k, new LongColumn(new long[] {p, 300, 7}))), new Block(3, List.of(k)));
        }
        List<DataPart> fresh = table.snapshot();
        assertThat(fresh).hasSize(3).allMatch(DataPart::holdsResidentColumns);
        assertThat(fresh.get(0).readWhole(schema.columns().get(0)))
                .as("k comes from memory")
                .isSameAs(fresh.get(0).readWhole(schema.columns().get(0)));
        assertThat(((LongColumn) fresh.get(0).readWhole(schema.columns().get(1))).get(1))
                .as("v comes from disk")
                .isEqualTo(44L);

        // A part opened anew (as a staged part is when published) takes over what the first object held.
        DataPart reopened = DataPart.open(fresh.get(2).folder());
        reopened.takeResident(fresh.get(2));
        assertThat(reopened.holdsResidentColumns()).isTrue();
        assertThat(fresh.get(2).holdsResidentColumns()).isFalse();
        assertThat(k0(reopened)).isSameAs(k0(reopened));
        fresh.get(2).takeResident(reopened);
        assertThat(fresh.get(2).holdsResidentColumns()).isTrue();

        table.optimize(false);
        assertThat(fresh).noneMatch(DataPart::holdsResidentColumns);
        DataPart merged = table.snapshot().get(0);
        LongColumn k = (LongColumn) merged.read(0, 0, merged.granuleCount());
        LongColumn v = (LongColumn) merged.read(1, 0, merged.granuleCount());
        assertThat(Arrays.copyOf(k.values(), k.size())).containsExactly(0, 1, 2, 10, 11, 12, 20, 21, 22);
        assertThat(Arrays.copyOf(v.values(), v.size())).containsExactly(0, 1, 2, 44, 44, 44, 7, 7, 7);
    }

    private static io.columba.storage.column.Column k0(DataPart part) {
        return part.readWhole(new ColumnDefinition("k", IntegerType.INT64));
    }

    @Test
    void aMergedPartKeepsItsRowsEarliestExpirySoTheirTtlStillApplies() {
        // Rows expire at 10^10 + v: none has expired yet, so the merge keeps every row, column by column.
        RowExpiry expiry = rows -> {
            LongColumn v = (LongColumn) rows.column(1);
            long[] times = new long[rows.rowCount()];
            for (int i = 0; i < times.length; i++) {
                times[i] = 10_000_000_000L + v.get(i);
            }
            return times;
        };
        MergeTreeTable table =
                new MergeTreeTable(folder, SCHEMA, new TableSettings(7), BY_K, MergingMode.ORDINARY, expiry);
        insert(table, new long[] {3, 1}, 40);
        insert(table, new long[] {2, 4}, 25);
        insert(table, new long[] {5}, 90);

        table.optimize(false);

        assertThat(table.snapshot()).hasSize(1);
        assertThat(table.snapshot().get(0).rowCount()).isEqualTo(5);
        assertThat(table.snapshot().get(0).ttlMin()).isEqualTo(10_000_000_025L);
    }

    @Test
    void aHalfDeletedCoveredPartIsDroppedAtOpenWithoutBeingRead() throws IOException {
        MergeTreeTable table = new MergeTreeTable(folder, SCHEMA, new TableSettings(7), BY_K, MergingMode.ORDINARY);
        insert(table, new long[] {3, 1, 2}, 0);
        insert(table, new long[] {6, 5, 4}, 1);
        Path first = table.snapshot().get(0).folder();
        Path copy = folder.resolve("copy_of_first_part");
        copyRecursively(first, copy);
        table.optimize(false);
        assertThat(table.snapshot()).hasSize(1);
        // The process stopped while deleting the merged-away part: some of its files are gone, the folder is not.
        if (Files.exists(first)) {
            try (Stream<Path> paths = Files.walk(first)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.move(copy, first);
        try (Stream<Path> files = Files.list(first)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".idx"))
                    .toList()) {
                Files.delete(file);
            }
        }

        MergeTreeTable reopened = new MergeTreeTable(folder, SCHEMA, new TableSettings(7), BY_K, MergingMode.ORDINARY);

        assertThat(reopened.snapshot()).hasSize(1);
        assertThat(allKeys(reopened)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(first).doesNotExist();
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }

    @Test
    void tooManyPartsRefusesInsertsUntilMergesCatchUp() {
        MergeTreeTable table =
                new MergeTreeTable(folder, SCHEMA, new TableSettings(8192, 5, 6), null, MergingMode.ORDINARY);
        for (int p = 0; p < 6; p++) {
            insert(table, new long[] {p}, p);
        }
        assertThatThrownBy(() -> insert(table, new long[] {99}, 99))
                .isInstanceOf(ColumbaException.class)
                .extracting(e -> ((ColumbaException) e).errorCode())
                .isEqualTo(ErrorCode.TOO_MANY_PARTS);
        assertThat(table.rowCount()).isEqualTo(6);
    }
}
