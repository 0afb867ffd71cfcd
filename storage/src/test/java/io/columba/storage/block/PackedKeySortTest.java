package io.columba.storage.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PackedKeySort} orders rows as a stable comparison sort of their keys does, or declines. */
class PackedKeySortTest {
    @Test
    void ordersAsAStableComparisonSortOfStringAndIntegerKeys() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            int rows = random.nextInt(3000);
            int distinct = 1 + random.nextInt(round % 2 == 0 ? 8 : 2000);
            StringColumnBuilder actions = new StringColumnBuilder(rows);
            long[] times = new long[rows];
            long[] unsigned = new long[rows];
            long base = random.nextLong() >>> 2;
            for (int row = 0; row < rows; row++) {
                actions.append(random.nextInt(4) == 0 ? "" : "a\u00e9" + random.nextInt(distinct));
                times[row] = base + random.nextInt(1 + random.nextInt(100_000));
                // Either side of 2^63: adjacent as unsigned, far apart as signed.
                unsigned[row] =
                        random.nextBoolean() ? Long.MAX_VALUE - random.nextInt(5) : Long.MIN_VALUE + random.nextInt(5);
            }
            Block keys = new Block(rows, List.of(actions.build(), new LongColumn(times), new LongColumn(unsigned)));
            List<DataType> types = List.of(StringType.STRING, DateTimeType.DATETIME, IntegerType.UINT64);
            int[] order = PackedKeySort.sortedOrder(keys, types);
            assertThat(order).as("seed %d round %d", seed, round).isEqualTo(comparisonOrder(keys));
        }
    }

    @Test
    void keepsEqualKeysInInputOrderAndSeesSortedInput() {
        Block keys = new Block(5, List.of(new LongColumn(new long[] {-3, -3, 7, 7, 7})));
        assertThat(PackedKeySort.sortedOrder(keys, List.of(IntegerType.INT64))).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void declinesWhatDoesNotPack() {
        Block wide = new Block(2, List.of(new LongColumn(new long[] {Long.MIN_VALUE, Long.MAX_VALUE})));
        assertThat(PackedKeySort.sortedOrder(wide, List.of(IntegerType.INT64))).isNull();
        Block nullable = new Block(2, List.of(new LongColumn(new long[] {1, 2}, new boolean[] {false, true}, 2)));
        assertThat(PackedKeySort.sortedOrder(nullable, List.of(IntegerType.INT64)))
                .isNull();
        StringColumnBuilder many = new StringColumnBuilder(10_000);
        for (int i = 0; i < 10_000; i++) {
            many.append("s" + i);
        }
        Block distinct = new Block(10_000, List.of(many.build()));
        assertThat(PackedKeySort.sortedOrder(distinct, List.of(StringType.STRING)))
                .isNull();
    }

    private static int[] comparisonOrder(Block keys) {
        Integer[] order = new Integer[keys.rowCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> compare(keys, a, b));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static int compare(Block keys, int a, int b) {
        Column strings = keys.column(0);
        int comparison = StringColumn.compare((StringColumn) strings, a, (StringColumn) strings, b);
        if (comparison == 0) {
            LongColumn times = (LongColumn) keys.column(1);
            comparison = Long.compare(times.get(a), times.get(b));
        }
        if (comparison == 0) {
            LongColumn unsigned = (LongColumn) keys.column(2);
            comparison = Long.compareUnsigned(unsigned.get(a), unsigned.get(b));
        }
        return comparison;
    }
}
