package io.columba.jmh;

import io.columba.executor.operator.BlocksOperator;
import io.columba.executor.operator.Operator;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Deterministic inputs shared by the benchmarks: columns generated from fixed seeds, cut into blocks of the size
 * a scan yields (8 granules of 8192 rows), and temporary folders removed at tear-down.
 */
final class BenchmarkData {
    /** Rows per block, as {@code ScanOperator} reads them (8 granules of 8192 rows). */
    static final int BLOCK_ROWS = 65_536;

    static final long SEED = 20261130L;

    private static final String[] HOSTS = {
        "www.google.com", "yandex.ru", "news.ycombinator.com", "www.example.org", "github.com", "mail.ru"
    };

    private BenchmarkData() {}

    /** {@code rows} values uniform in [0, range). */
    static long[] uniformLongs(int rows, long range, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] values = new long[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = random.nextLong(range);
        }
        return values;
    }

    /**
     * Millisecond timestamps about one second apart with jitter, as event times arrive: what Delta, DoubleDelta
     * and Gorilla are made for.
     */
    static long[] timestamps(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] values = new long[rows];
        long time = 1_700_000_000_000L;
        for (int i = 0; i < rows; i++) {
            time += 1_000 + random.nextInt(-200, 200);
            values[i] = time;
        }
        return values;
    }

    /** URL-like strings, {@code distinct} different ones (about 40 bytes each), skewed towards the first. */
    static StringColumn urls(int rows, int distinct, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringColumnBuilder builder = new StringColumnBuilder(rows);
        for (int i = 0; i < rows; i++) {
            int id = skewed(random, distinct);
            builder.append(url(id));
        }
        return (StringColumn) builder.build();
    }

    /** The URL number {@code id} of {@link #urls}. */
    static String url(int id) {
        return "https://" + HOSTS[id % HOSTS.length] + "/page/" + Integer.toHexString(id * 0x9E3779B1) + "?id=" + id;
    }

    /** A number in [0, distinct), the small ones more often (the square of a uniform fraction). */
    private static int skewed(SplittableRandom random, int distinct) {
        double fraction = random.nextDouble();
        return (int) (fraction * fraction * distinct);
    }

    /** The columns cut into blocks of {@link #BLOCK_ROWS} rows. */
    static List<Block> blocks(int rows, Column... columns) {
        List<Block> blocks = new ArrayList<>();
        for (int from = 0; from < rows; from += BLOCK_ROWS) {
            int length = Math.min(BLOCK_ROWS, rows - from);
            List<Column> slices = new ArrayList<>(columns.length);
            for (Column column : columns) {
                slices.add(column.slice(from, length));
            }
            blocks.add(new Block(length, slices));
        }
        return blocks;
    }

    /** A fresh source over the blocks, for one run of an operator tree. */
    static Operator source(List<Block> blocks) {
        return new BlocksOperator(blocks);
    }

    /** Drains an operator and returns its row count, so that nothing it produced is dead code. */
    static long drainRows(Operator operator) {
        long rows = 0;
        for (Block block = operator.next(); block != null; block = operator.next()) {
            rows += block.rowCount();
        }
        return rows;
    }

    static LongColumn longs(long[] values) {
        return new LongColumn(values);
    }

    static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
