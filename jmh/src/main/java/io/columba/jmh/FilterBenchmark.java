package io.columba.jmh;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.expression.Constant;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.operator.FilterOperator;
import io.columba.storage.block.Block;
import io.columba.storage.column.StringColumn;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.nio.charset.StandardCharsets;
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
 * A WHERE predicate over 512k rows of {@code (x Int64, url String)} in blocks of 65,536 rows, through the
 * executor's {@link FilterOperator} (the predicate evaluated by its function kernels, a selection vector, the
 * passing rows of both columns taken): {@code x < 500} (half the rows; x is uniform in [0, 1000)),
 * {@code url = '<a common url>'} and {@code url LIKE '%google%'} (a sixth). The baseline is the integer compare
 * as a plain loop writing the selection over a {@code long[]}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FilterBenchmark {
    static final int ROWS = 1 << 19;
    private static final ColumnReference X = new ColumnReference(0, IntegerType.INT64);
    private static final ColumnReference URL = new ColumnReference(1, StringType.STRING);

    /** The rows in blocks and the bound predicate. */
    @State(Scope.Benchmark)
    public static class Predicate {
        @Param({"int_compare", "string_equals", "like"})
        public String predicate;

        List<Block> blocks;
        BoundExpression condition;

        @Setup(Level.Trial)
        public void generate() {
            long[] x = BenchmarkData.uniformLongs(ROWS, 1000, BenchmarkData.SEED);
            StringColumn urls = BenchmarkData.urls(ROWS, 10_000, BenchmarkData.SEED + 1);
            blocks = BenchmarkData.blocks(ROWS, BenchmarkData.longs(x), urls);
            FunctionRegistry functions = FunctionRegistry.builtin();
            condition = switch (predicate) {
                case "int_compare" -> functions.bind("less", List.of(X, new Constant(IntegerType.INT64, 500L)));
                case "string_equals" -> functions.bind("equals", List.of(URL, text(BenchmarkData.url(3))));
                case "like" -> functions.bind("like", List.of(URL, text("%google%")));
                default -> throw new IllegalArgumentException("unknown predicate " + predicate);
            };
            long passing = BenchmarkData.drainRows(new FilterOperator(BenchmarkData.source(blocks), condition));
            System.out.printf("%nFilterBenchmark %s: %d of %d rows pass%n", predicate, passing, ROWS);
        }

        private static Constant text(String value) {
            return new Constant(StringType.STRING, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The x values in one array and a selection vector. */
    @State(Scope.Benchmark)
    public static class Plain {
        long[] x;
        int[] selection;

        @Setup(Level.Trial)
        public void generate() {
            x = BenchmarkData.uniformLongs(ROWS, 1000, BenchmarkData.SEED);
            selection = new int[BenchmarkData.BLOCK_ROWS];
        }
    }

    @Benchmark
    public long filter(Predicate state) {
        return BenchmarkData.drainRows(new FilterOperator(BenchmarkData.source(state.blocks), state.condition));
    }

    /** {@code x < 500} over a {@code long[]}, block by block, into a selection vector (branch-free). */
    @Benchmark
    public long plainIntCompare(Plain plain) {
        long[] x = plain.x;
        int[] selection = plain.selection;
        long passing = 0;
        for (int from = 0; from < ROWS; from += BenchmarkData.BLOCK_ROWS) {
            int to = Math.min(ROWS, from + BenchmarkData.BLOCK_ROWS);
            int count = 0;
            for (int i = from; i < to; i++) {
                selection[count] = i - from;
                count += x[i] < 500 ? 1 : 0;
            }
            passing += count;
        }
        return passing;
    }
}
