package io.columba.storage.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.column.ValueEquality;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ColumnGather} takes the rows {@code Block.concatColumns(pieces).take(order)} takes. */
class ColumnGatherTest {
    @Test
    void gathersAsConcatenatingThenTakingDoes() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (String typeName : List.of("Int64", "Nullable(Float64)", "String", "Nullable(String)", "Array(Int64)")) {
            DataType type = DataTypeParser.parse(typeName);
            for (int round = 0; round < 20; round++) {
                int[] sizes = new int[1 + random.nextInt(4)];
                List<Column> pieces = new ArrayList<>();
                int rows = 0;
                for (int p = 0; p < sizes.length; p++) {
                    sizes[p] = random.nextInt(round % 2 == 0 ? 6 : 12);
                    rows += sizes[p];
                    pieces.add(piece(typeName, sizes[p], random));
                }
                int[] order = round % 2 == 0 ? randomOrder(rows, random) : mergeOrder(sizes, random);
                Column expected = Block.concatColumns(pieces, type, rows).take(order, rows);
                Column gathered = new ColumnGather(order, sizes).take(pieces, type);
                assertThat(gathered.size()).isEqualTo(rows);
                for (int i = 0; i < rows; i++) {
                    assertThat(gathered.isNull(i))
                            .as("%s row %d, seed %d", typeName, i, seed)
                            .isEqualTo(expected.isNull(i));
                    assertThat(ValueEquality.equal(gathered, i, expected, i))
                            .as("%s row %d, seed %d", typeName, i, seed)
                            .isTrue();
                }
            }
        }
    }

    /** Any rows, repeated or not. */
    private static int[] randomOrder(int rows, Random random) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = random.nextInt(rows);
        }
        return order;
    }

    /** Every row once, as a merge takes them: runs of consecutive rows of one piece, the pieces interleaved. */
    private static int[] mergeOrder(int[] sizes, Random random) {
        int[] next = new int[sizes.length];
        int[] starts = new int[sizes.length];
        int rows = 0;
        for (int p = 0; p < sizes.length; p++) {
            starts[p] = rows;
            rows += sizes[p];
        }
        int[] order = new int[rows];
        int at = 0;
        while (at < rows) {
            int p = random.nextInt(sizes.length);
            int run = Math.min(sizes[p] - next[p], 1 + random.nextInt(4));
            for (int k = 0; k < run; k++) {
                order[at++] = starts[p] + next[p]++;
            }
        }
        return order;
    }

    private static Column piece(String typeName, int size, Random random) {
        boolean[] nulls = typeName.startsWith("Nullable") && random.nextBoolean() ? new boolean[size] : null;
        for (int i = 0; nulls != null && i < size; i++) {
            nulls[i] = random.nextInt(3) == 0;
        }
        return switch (typeName) {
            case "Int64" -> new LongColumn(random.longs(size).toArray(), null, size);
            case "Nullable(Float64)" -> new DoubleColumn(random.doubles(size).toArray(), nulls, size);
            case "Array(Int64)" -> {
                int[] offsets = new int[size + 1];
                for (int i = 0; i < size; i++) {
                    offsets[i + 1] = offsets[i] + random.nextInt(3);
                }
                yield new ArrayColumn(
                        offsets, new LongColumn(random.longs(offsets[size]).toArray()), null, size);
            }
            default -> {
                StringColumnBuilder builder = new StringColumnBuilder(size);
                for (int i = 0; i < size; i++) {
                    if (nulls != null && nulls[i]) {
                        builder.appendNull();
                    } else {
                        builder.append("v" + random.nextInt(1000) + "x".repeat(random.nextInt(5)));
                    }
                }
                yield builder.build();
            }
        };
    }
}
