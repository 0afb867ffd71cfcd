package io.columba.jmh;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.operator.AggregateOperator;
import io.columba.executor.operator.AggregateOperator.AggregateCall;
import io.columba.storage.block.Block;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
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
 * Hash aggregation ({@code SELECT keys, count() | sum(v) ... GROUP BY keys}) of 512k rows in blocks of 65,536
 * through the executor's {@link AggregateOperator} on one thread, by key type: {@code small_int} (Int64 in
 * [0, 100): the open-addressing table of longs), {@code int64_high} (Int64 uniform over 512k values: about
 * 330k groups), {@code string} (URLs, 10,000 distinct, skewed) and {@code composite} ({@code small_int, string}: the
 * serialized-key table). The baseline is {@code sum(v) GROUP BY small_int} as a plain loop into a
 * {@code long[100]}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class AggregateBenchmark {
    static final int ROWS = 1 << 19;
    static final int SMALL_RANGE = 100;

    private static final ColumnReference SMALL = new ColumnReference(0, IntegerType.INT64);
    private static final ColumnReference HIGH = new ColumnReference(1, IntegerType.INT64);
    private static final ColumnReference URL = new ColumnReference(2, StringType.STRING);
    private static final ColumnReference VALUE = new ColumnReference(3, IntegerType.INT64);

    /** The rows in blocks, the key expressions and the aggregate. */
    @State(Scope.Benchmark)
    public static class Grouping {
        @Param({"small_int", "int64_high", "string", "composite"})
        public String keys;

        @Param({"count", "sum"})
        public String aggregate;

        List<Block> blocks;
        List<BoundExpression> keyExpressions;
        List<AggregateCall> calls;

        @Setup(Level.Trial)
        public void generate() {
            blocks = BenchmarkData.blocks(
                    ROWS,
                    BenchmarkData.longs(BenchmarkData.uniformLongs(ROWS, SMALL_RANGE, BenchmarkData.SEED)),
                    BenchmarkData.longs(scrambled(BenchmarkData.uniformLongs(ROWS, ROWS, BenchmarkData.SEED + 1))),
                    BenchmarkData.urls(ROWS, 10_000, BenchmarkData.SEED + 2),
                    BenchmarkData.longs(BenchmarkData.uniformLongs(ROWS, 1_000_000, BenchmarkData.SEED + 3)));
            keyExpressions = switch (keys) {
                case "small_int" -> List.of(SMALL);
                case "int64_high" -> List.of(HIGH);
                case "string" -> List.of(URL);
                case "composite" -> List.of(SMALL, URL);
                default -> throw new IllegalArgumentException("unknown keys " + keys);
            };
            FunctionRegistry functions = FunctionRegistry.builtin();
            calls = switch (aggregate) {
                case "count" ->
                    List.of(new AggregateCall(functions.aggregate("count").bind(List.of()), List.of()));
                case "sum" ->
                    List.of(new AggregateCall(
                            functions.aggregate("sum").bind(List.of(IntegerType.INT64)), List.of(VALUE)));
                default -> throw new IllegalArgumentException("unknown aggregate " + aggregate);
            };
            System.out.printf("%nAggregateBenchmark %s: %d groups of %d rows%n", keys, groups(this), ROWS);
        }

        /** Values spread over the whole Int64 range, as user and session ids are. */
        private static long[] scrambled(long[] values) {
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i] * 0x9E3779B97F4A7C15L;
            }
            return values;
        }
    }

    /** The small keys and the values as plain arrays. */
    @State(Scope.Benchmark)
    public static class Plain {
        long[] keys;
        long[] values;

        @Setup(Level.Trial)
        public void generate() {
            keys = BenchmarkData.uniformLongs(ROWS, SMALL_RANGE, BenchmarkData.SEED);
            values = BenchmarkData.uniformLongs(ROWS, 1_000_000, BenchmarkData.SEED + 3);
        }
    }

    @Benchmark
    public long groupBy(Grouping grouping) {
        return groups(grouping);
    }

    private static long groups(Grouping grouping) {
        AggregateOperator operator =
                new AggregateOperator(BenchmarkData.source(grouping.blocks), grouping.keyExpressions, grouping.calls);
        return BenchmarkData.drainRows(operator);
    }

    @Benchmark
    public long[] plainSmallIntGroupSum(Plain plain) {
        long[] sums = new long[SMALL_RANGE];
        long[] keys = plain.keys;
        long[] values = plain.values;
        for (int i = 0; i < keys.length; i++) {
            sums[(int) keys[i]] += values[i];
        }
        return sums;
    }
}
