package io.columba.jmh;

import io.columba.executor.operator.SortKey;
import io.columba.executor.operator.SortOperator;
import io.columba.storage.block.Block;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * ORDER BY over 256k rows of {@code (x Int64, url String)} in blocks of 65,536 through the executor's
 * {@link SortOperator} on one thread: by {@code x} (uniform over the Int64 range) or by {@code url} (100,000
 * distinct), the whole input ({@code limit=all}) or its first 10 rows ({@code LIMIT 10}: the top-N road, which
 * drops most rows after one comparison). The baseline is {@code Arrays.sort} of a copy of the x values.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class SortBenchmark {
    static final int ROWS = 1 << 18;
    private static final List<DataType> TYPES = List.of(IntegerType.INT64, StringType.STRING);

    /** The rows in blocks and the sort key. */
    @State(Scope.Benchmark)
    public static class Sorting {
        @Param({"int64", "string"})
        public String key;

        @Param({"10", "all"})
        public String limit;

        List<Block> blocks;
        List<SortKey> keys;
        long rowLimit;

        @Setup(Level.Trial)
        public void generate() {
            blocks = BenchmarkData.blocks(
                    ROWS,
                    BenchmarkData.longs(BenchmarkData.uniformLongs(ROWS, Long.MAX_VALUE, BenchmarkData.SEED)),
                    BenchmarkData.urls(ROWS, 100_000, BenchmarkData.SEED + 1));
            int column = key.equals("int64") ? 0 : 1;
            keys = List.of(new SortKey(column, TYPES.get(column), false, false));
            rowLimit = limit.equals("all") ? Long.MAX_VALUE : Long.parseLong(limit);
        }
    }

    /** The x values as one array. */
    @State(Scope.Benchmark)
    public static class Plain {
        long[] values;

        @Setup(Level.Trial)
        public void generate() {
            values = BenchmarkData.uniformLongs(ROWS, Long.MAX_VALUE, BenchmarkData.SEED);
        }
    }

    @Benchmark
    public Block orderBy(Sorting sorting) {
        return new SortOperator(BenchmarkData.source(sorting.blocks), sorting.keys, TYPES, sorting.rowLimit).next();
    }

    @Benchmark
    public long[] plainArraysSort(Plain plain) {
        long[] copy = plain.values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
