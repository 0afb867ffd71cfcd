package io.columba.jmh;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.operator.QueryContext;
import io.columba.executor.operator.join.HashJoinOperator;
import io.columba.executor.operator.join.JoinHashTable;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The executor's hash join, {@code left INNER JOIN right ON left.k = right.k}: building the
 * {@link JoinHashTable} of a right side of 100,000 rows {@code (k, payload Int64)} with distinct keys, and probing
 * it with a left side of 512k rows {@code (k, v Int64)} in blocks of 65,536 whose keys match half the time
 * ({@link HashJoinOperator}, matched rows of both sides taken). Keys are Int64 or String (URLs). The baselines are
 * a {@code java.util.HashMap<Long, Integer>} built from the same Int64 keys and probed with them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class JoinBenchmark {
    static final int RIGHT_ROWS = 100_000;
    static final int LEFT_ROWS = 1 << 19;

    /** Both sides in blocks, their key expressions, and the right side built once for the probes. */
    @State(Scope.Benchmark)
    public static class Sides {
        @Param({"int64", "string"})
        public String key;

        List<Block> right;
        List<Block> left;
        List<DataType> types;
        List<BoundExpression> keys;
        JoinHashTable table;

        @Setup(Level.Trial)
        public void generate() {
            DataType keyType = key.equals("int64") ? IntegerType.INT64 : StringType.STRING;
            types = List.of(keyType, IntegerType.INT64);
            keys = List.of(new ColumnReference(0, keyType));
            long[] rightIds = new long[RIGHT_ROWS];
            for (int i = 0; i < RIGHT_ROWS; i++) {
                rightIds[i] = i * 2L;
            }
            long[] leftIds = BenchmarkData.uniformLongs(LEFT_ROWS, 2L * RIGHT_ROWS, BenchmarkData.SEED);
            right = BenchmarkData.blocks(
                    RIGHT_ROWS,
                    keyColumn(rightIds),
                    BenchmarkData.longs(BenchmarkData.uniformLongs(RIGHT_ROWS, 1000, BenchmarkData.SEED + 1)));
            left = BenchmarkData.blocks(
                    LEFT_ROWS,
                    keyColumn(leftIds),
                    BenchmarkData.longs(BenchmarkData.uniformLongs(LEFT_ROWS, 1000, BenchmarkData.SEED + 2)));
            table = buildTable(this);
            System.out.printf("%nJoinBenchmark %s keys: %d joined rows%n", key, probeAll(this));
        }

        private Column keyColumn(long[] ids) {
            if (key.equals("int64")) {
                return new LongColumn(ids);
            }
            StringColumnBuilder urls = new StringColumnBuilder(ids.length);
            for (long id : ids) {
                urls.append(BenchmarkData.url((int) id));
            }
            return urls.build();
        }
    }

    /** The Int64 keys of both sides as plain arrays. */
    @State(Scope.Benchmark)
    public static class Plain {
        long[] rightKeys;
        long[] leftKeys;
        Map<Long, Integer> built;

        @Setup(Level.Trial)
        public void generate() {
            rightKeys = new long[RIGHT_ROWS];
            for (int i = 0; i < RIGHT_ROWS; i++) {
                rightKeys[i] = i * 2L;
            }
            leftKeys = BenchmarkData.uniformLongs(LEFT_ROWS, 2L * RIGHT_ROWS, BenchmarkData.SEED);
            built = plainBuild(this);
        }
    }

    private static JoinHashTable buildTable(Sides sides) {
        return JoinHashTable.build(
                BenchmarkData.source(sides.right), sides.types, sides.keys, Set.of(0, 1), new QueryContext());
    }

    private static long probeAll(Sides sides) {
        HashJoinOperator join = new HashJoinOperator(
                BenchmarkData.source(sides.left),
                sides.types,
                sides.keys,
                sides.table,
                HashJoinOperator.Kind.INNER,
                HashJoinOperator.Strictness.ALL,
                0);
        return BenchmarkData.drainRows(join);
    }

    @Benchmark
    public JoinHashTable build(Sides sides) {
        return buildTable(sides);
    }

    @Benchmark
    public long probe(Sides sides) {
        return probeAll(sides);
    }

    @Benchmark
    public Map<Long, Integer> plainHashMapBuild(Plain plain) {
        return plainBuild(plain);
    }

    private static Map<Long, Integer> plainBuild(Plain plain) {
        Map<Long, Integer> rows = new HashMap<>();
        for (int i = 0; i < plain.rightKeys.length; i++) {
            rows.putIfAbsent(plain.rightKeys[i], i);
        }
        return rows;
    }

    @Benchmark
    public long plainHashMapProbe(Plain plain) {
        long matched = 0;
        for (long key : plain.leftKeys) {
            Integer row = plain.built.get(key);
            matched += row == null ? 0 : 1;
        }
        return matched;
    }
}
