package io.columba.jmh;

import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.part.DataPart;
import io.columba.storage.part.PartName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scans of the {@code hits} table loaded by {@code scripts/bench-storage.sh} (or {@code columba local load}): the
 * sum of an Int64 column and the sum of the lengths of a String column, over every row of the table's active
 * parts, one thread. Three ways for each: over column vectors decoded beforehand ({@code decoded*}: the kernel
 * loop over {@code LongColumn}/{@code StringColumn}), decoding from the part files on every scan ({@code disk*}:
 * {@link DataPart#read}, 8 granules at a time, files hot in the page cache), and the ceiling, one plain
 * {@code long[]} in memory holding the same Int64 values. Scores are milliseconds per full scan; rows/s is the
 * table's row count (printed at setup) divided by that.
 *
 * <p>The table folder ({@code <data>/data/hits}) comes from {@code -p table=DIR} or
 * {@code -Dcolumba.hits.table=DIR}. Without it, or when it holds no part, setup fails with a one-line message and
 * JMH goes on with the next benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx6g"})
public class HitsScanBenchmark {
    private static final int GRANULES_PER_READ = 8;

    /** The table folder; empty: the {@code columba.hits.table} system property. */
    @Param("")
    public String table;

    @Param("UserID")
    public String longColumn;

    @Param("URL")
    public String stringColumn;

    private List<DataPart> parts;
    private int[] longIndex;
    private int[] stringIndex;
    private LongColumn[] decodedLongs;
    private StringColumn[] decodedStrings;
    private long[] plain;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path folder = tableFolder();
        parts = activeParts(folder);
        longIndex = new int[parts.size()];
        stringIndex = new int[parts.size()];
        decodedLongs = new LongColumn[parts.size()];
        decodedStrings = new StringColumn[parts.size()];
        long rows = 0;
        for (int p = 0; p < parts.size(); p++) {
            DataPart part = parts.get(p);
            longIndex[p] = columnIndex(part, longColumn);
            stringIndex[p] = columnIndex(part, stringColumn);
            decodedLongs[p] = (LongColumn) part.read(longIndex[p], 0, part.granuleCount());
            decodedStrings[p] = (StringColumn) part.read(stringIndex[p], 0, part.granuleCount());
            rows += part.rowCount();
        }
        plain = new long[Math.toIntExact(rows)];
        int at = 0;
        for (LongColumn column : decodedLongs) {
            System.arraycopy(column.values(), 0, plain, at, column.size());
            at += column.size();
        }
        System.out.printf(
                "%nHitsScanBenchmark: %s, %d active parts, rows=%d, %s bytes of %s, %s%n",
                folder, parts.size(), rows, stringBytes(), stringColumn, longColumn);
    }

    private Path tableFolder() {
        String given = table.isEmpty() ? System.getProperty("columba.hits.table", "") : table;
        if (given.isEmpty()) {
            throw new IllegalStateException("HitsScanBenchmark skipped: no table folder; pass -p table=<data>/data/hits"
                    + " or -Dcolumba.hits.table=... (scripts/bench-storage.sh makes one)");
        }
        Path folder = Path.of(given);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("HitsScanBenchmark skipped: no table folder at " + folder);
        }
        return folder;
    }

    /**
     * The table's parts not covered by a merged part (what a query would read), by partition and block; leftovers
     * of an interrupted write ({@code tmp_*}) are not parts.
     */
    private static List<DataPart> activeParts(Path folder) throws IOException {
        List<PartName> names = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.toList()) {
                String fileName = child.getFileName().toString();
                PartName name = fileName.startsWith("tmp_") ? null : PartName.parse(fileName);
                if (name != null && Files.isDirectory(child)) {
                    names.add(name);
                }
            }
        }
        List<DataPart> active = new ArrayList<>();
        for (PartName name : names) {
            if (!isCovered(name, names)) {
                active.add(DataPart.open(folder.resolve(name.toString())));
            }
        }
        if (active.isEmpty()) {
            throw new IllegalStateException("HitsScanBenchmark skipped: no part in " + folder);
        }
        active.sort((a, b) -> a.name().partitionId().equals(b.name().partitionId())
                ? Long.compare(a.name().minBlock(), b.name().minBlock())
                : a.name().partitionId().compareTo(b.name().partitionId()));
        return active;
    }

    private static boolean isCovered(PartName name, List<PartName> all) {
        for (PartName cover : all) {
            if (cover != name
                    && cover.partitionId().equals(name.partitionId())
                    && cover.minBlock() <= name.minBlock()
                    && cover.maxBlock() >= name.maxBlock()
                    && cover.level() > name.level()) {
                return true;
            }
        }
        return false;
    }

    private static int columnIndex(DataPart part, String name) {
        for (int i = 0; i < part.columns().size(); i++) {
            if (part.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("part " + part.folder() + " has no column " + name);
    }

    private long stringBytes() {
        long bytes = 0;
        for (StringColumn column : decodedStrings) {
            bytes += column.offsets()[column.size()] - column.offsets()[0];
        }
        return bytes;
    }

    @Benchmark
    public long plainLongArraySum() {
        long sum = 0;
        for (long value : plain) {
            sum += value;
        }
        return sum;
    }

    @Benchmark
    public long decodedLongSum() {
        long sum = 0;
        for (LongColumn column : decodedLongs) {
            long[] values = column.values();
            for (int i = 0; i < column.size(); i++) {
                sum += values[i];
            }
        }
        return sum;
    }

    @Benchmark
    public long decodedStringLengthSum() {
        long sum = 0;
        for (StringColumn column : decodedStrings) {
            int[] offsets = column.offsets();
            for (int i = 0; i < column.size(); i++) {
                sum += offsets[i + 1] - offsets[i];
            }
        }
        return sum;
    }

    @Benchmark
    public long diskLongSum() {
        long sum = 0;
        for (int p = 0; p < parts.size(); p++) {
            DataPart part = parts.get(p);
            for (int g = 0; g < part.granuleCount(); g += GRANULES_PER_READ) {
                Column column = part.read(longIndex[p], g, Math.min(part.granuleCount(), g + GRANULES_PER_READ));
                long[] values = ((LongColumn) column).values();
                for (int i = 0; i < column.size(); i++) {
                    sum += values[i];
                }
            }
        }
        return sum;
    }

    @Benchmark
    public long diskStringLengthSum() {
        long sum = 0;
        for (int p = 0; p < parts.size(); p++) {
            DataPart part = parts.get(p);
            for (int g = 0; g < part.granuleCount(); g += GRANULES_PER_READ) {
                StringColumn column = (StringColumn)
                        part.read(stringIndex[p], g, Math.min(part.granuleCount(), g + GRANULES_PER_READ));
                int[] offsets = column.offsets();
                for (int i = 0; i < column.size(); i++) {
                    sum += offsets[i + 1] - offsets[i];
                }
            }
        }
        return sum;
    }
}
