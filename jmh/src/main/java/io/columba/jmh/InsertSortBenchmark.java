package io.columba.jmh;

import io.columba.executor.operator.RowComparator;
import io.columba.executor.operator.SortKey;
import io.columba.storage.block.Block;
import io.columba.storage.block.PackedKeySort;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.StringType;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sort of an insert into the Events API benchmark's table: the sorting key {@code (action, timestamp)} of
 * 40,000 events (four 10,000-event batches flushed together, as {@code scripts/bench-ingest.sh} makes them: six
 * actions, 50 events a second), ordered by {@link PackedKeySort} ({@code packed}) or by the comparison merge sort
 * inserts used before ({@code comparator}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class InsertSortBenchmark {
    static final int ROWS = 40_000;
    private static final String[] ACTIONS = {"page_hit", "click", "scroll", "signup", "purchase", "add_to_cart"};
    private static final List<DataType> TYPES = List.of(StringType.STRING, DateTimeType.DATETIME);

    private Block keys;
    private List<SortKey> sortKeys;

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom random = new SplittableRandom(BenchmarkData.SEED);
        StringColumnBuilder actions = new StringColumnBuilder(ROWS);
        long[] timestamps = new long[ROWS];
        for (int row = 0; row < ROWS; row++) {
            actions.append(ACTIONS[random.nextInt(ACTIONS.length)]);
            timestamps[row] = 1_735_689_600L + row / 50;
        }
        keys = new Block(ROWS, List.of(actions.build(), new LongColumn(timestamps)));
        sortKeys = List.of(new SortKey(0, TYPES.get(0), false, false), new SortKey(1, TYPES.get(1), false, false));
    }

    @Benchmark
    public int[] packed() {
        return PackedKeySort.sortedOrder(keys, TYPES);
    }

    @Benchmark
    public int[] comparator() {
        return new RowComparator(sortKeys, keys).sortedPermutation(ROWS);
    }
}
