package io.columba.jmh;

import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.aggregate.AggregateBinder;
import io.columba.executor.function.aggregate.AggregateStates;
import io.columba.executor.function.aggregate.BoundAggregate;
import io.columba.storage.column.Column;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.AggregateFunctionType;
import io.columba.storage.type.StringType;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code uniqMerge(visits) GROUP BY pathname} over an AggregatingMergeTree of {@code uniqState(visitor)} per
 * pathname and day: 40 pathnames x 60 days, each day's state of up to 30,000 visitors out of 60,000 (so below the
 * 65,536 hashes where uniq starts thinning and the baseline's table stays valid). {@code uniqMerge} runs the executor's -Merge over the
 * stored state bytes into one group per pathname; the baseline reads the same bytes and inserts every hash into a
 * plain {@code int[]} open-addressing table per pathname sized once, with no thinning: the least a merge does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class UniqMergeBenchmark {
    static final int PATHS = 40;
    static final int DAYS = 60;
    static final int VISITORS = 60_000;

    /** The stored states and the pathname each belongs to. */
    @State(Scope.Benchmark)
    public static class States {
        Column states;
        int[] paths;
        BoundAggregate merge;

        @Setup
        public void setUp() {
            FunctionRegistry registry = FunctionRegistry.builtin();
            BoundAggregate state = AggregateBinder.bind(registry.aggregate("uniqState"), List.of(StringType.STRING));
            merge = AggregateBinder.bind(
                    registry.aggregate("uniqMerge"),
                    List.of(new AggregateFunctionType("uniq", List.of(), List.of(StringType.STRING))));
            int groups = PATHS * DAYS;
            AggregateStates perDay = state.newStates();
            SplittableRandom random = new SplittableRandom(42);
            int block = 65_536;
            int[] groupOfRow = new int[block];
            for (int g = 0; g < groups; g++) {
                int path = g / DAYS;
                // Popular pathnames first: 30,000 visits a day down to a few hundred.
                int visits = Math.max(200, 30_000 >> (path / 6));
                StringColumnBuilder visitors = new StringColumnBuilder(visits);
                for (int v = 0; v < visits; v++) {
                    visitors.append("visitor-" + random.nextInt(VISITORS));
                    groupOfRow[v] = g;
                }
                perDay.add(groupOfRow, new Column[] {visitors.build()}, visits, groups);
            }
            StringColumnBuilder stored = new StringColumnBuilder(groups);
            GrowableByteArray bytes = new GrowableByteArray(1 << 16);
            paths = new int[groups];
            for (int g = 0; g < groups; g++) {
                bytes.reset();
                perDay.serialize(g, bytes);
                stored.append(bytes.bytes(), 0, bytes.length());
                paths[g] = g / DAYS;
            }
            states = stored.build();
        }
    }

    @Benchmark
    public Column uniqMerge(States data) {
        AggregateStates merged = data.merge.newStates();
        merged.add(data.paths, new Column[] {data.states}, data.paths.length, PATHS);
        return merged.result(PATHS);
    }

    @Benchmark
    public long plainJavaBaseline(States data) {
        StringColumn states = (StringColumn) data.states;
        byte[] bytes = states.data();
        int[] offsets = states.offsets();
        int[][] tables = new int[PATHS][1 << 17];
        long total = 0;
        for (int row = 0; row < data.paths.length; row++) {
            int[] table = tables[data.paths[row]];
            int mask = table.length - 1;
            // Layout: set flag, skip degree, VarUInt count, UInt32 hashes.
            int at = offsets[row] + 2;
            int count = 0;
            for (int shift = 0; ; shift += 7) {
                int b = bytes[at++] & 0xFF;
                count |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            for (int i = 0; i < count; i++, at += 4) {
                int hash = (bytes[at] & 0xFF)
                        | (bytes[at + 1] & 0xFF) << 8
                        | (bytes[at + 2] & 0xFF) << 16
                        | (bytes[at + 3] & 0xFF) << 24;
                int slot = (hash * 0x9E3779B9) >>> 12 & mask;
                while (table[slot] != 0 && table[slot] != hash) {
                    slot = (slot + 1) & mask;
                }
                if (table[slot] == 0) {
                    table[slot] = hash;
                    total++;
                }
            }
        }
        return total;
    }
}
