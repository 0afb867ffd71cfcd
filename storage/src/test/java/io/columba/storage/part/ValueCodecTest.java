package io.columba.storage.part;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.FixedStringType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ValueCodecTest {

    /** The column encoded as {@code type} and decoded again, as a part stores and reads it. */
    private static Column roundTrip(DataType type, Column column) {
        GrowableByteArray out = new GrowableByteArray(64);
        ValueCodec.encode(type, column, 0, column.size(), out);
        ValueCodec.Target target = new ValueCodec.Target(type, column.size());
        ValueCodec.decode(Arrays.copyOf(out.bytes(), out.length()), 0, column.size(), target);
        return target.build();
    }

    private static StringColumn strings(String... values) {
        byte[][] bytes = new byte[values.length][];
        int total = 0;
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i].getBytes(StandardCharsets.UTF_8);
            total += bytes[i].length;
        }
        byte[] data = new byte[total];
        int[] offsets = new int[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(bytes[i], 0, data, offsets[i], bytes[i].length);
            offsets[i + 1] = offsets[i] + bytes[i].length;
        }
        return new StringColumn(data, offsets, null, values.length);
    }

    /** Whether the decoded column holds the same values and NULLs (a null map of all false is no NULL). */
    private static boolean same(Column expected, Column actual) {
        for (int row = 0; row < expected.size(); row++) {
            if (expected.isNull(row) != actual.isNull(row)) {
                return false;
            }
        }
        return switch (expected) {
            case LongColumn longs ->
                Arrays.equals(longs.values(), 0, longs.size(), ((LongColumn) actual).values(), 0, longs.size());
            case DoubleColumn doubles -> {
                for (int row = 0; row < doubles.size(); row++) {
                    if (Double.doubleToRawLongBits(doubles.values()[row])
                            != Double.doubleToRawLongBits(((DoubleColumn) actual).values()[row])) {
                        yield false;
                    }
                }
                yield true;
            }
            case StringColumn texts -> {
                for (int row = 0; row < texts.size(); row++) {
                    if (!StringColumn.equals(texts, row, (StringColumn) actual, row)) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> throw new IllegalArgumentException(expected.toString());
        };
    }

    @Test
    void aColumnSaidToReadBackAsItselfDoesSoAndOneThatWouldChangeIsRefused() {
        Object[][] cases = {
            {IntegerType.UINT8, new LongColumn(new long[] {0, 7, 255}), true},
            {IntegerType.UINT8, new LongColumn(new long[] {0, 300}), false},
            {IntegerType.INT8, new LongColumn(new long[] {-128, 127}), true},
            {IntegerType.INT8, new LongColumn(new long[] {-129}), false},
            {IntegerType.UINT32, new LongColumn(new long[] {4_294_967_295L, 0}), true},
            {IntegerType.UINT32, new LongColumn(new long[] {-1}), false},
            {IntegerType.INT32, new LongColumn(new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}), true},
            {IntegerType.INT64, new LongColumn(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}), true},
            {new DateTimeType(null), new LongColumn(new long[] {1_700_000_000L}), true},
            {FloatType.FLOAT64, new DoubleColumn(new double[] {0.1, Double.NaN, -0.0}), true},
            {FloatType.FLOAT32, new DoubleColumn(new double[] {0.5, 1e10f}), true},
            {FloatType.FLOAT32, new DoubleColumn(new double[] {0.1}), false},
            {StringType.STRING, strings("", "abc", "ü"), true},
            {new FixedStringType(3), strings("abc", "xyz"), true},
            {new FixedStringType(3), strings("ab"), false},
            {IntegerType.INT64, new LongColumn(new long[] {1, 2}, new boolean[] {false, true}, 2), false},
            {NullableType.of(IntegerType.UINT8), new LongColumn(new long[] {5, 0}, new boolean[] {false, true}, 2), true
            },
            {
                NullableType.of(IntegerType.UINT8),
                new LongColumn(new long[] {5, 999}, new boolean[] {false, true}, 2),
                false
            },
        };
        for (Object[] c : cases) {
            DataType type = (DataType) c[0];
            Column column = (Column) c[1];
            boolean says = ValueCodec.readsBackAs(type, column);
            assertThat(says).as("readsBackAs %s %s", type.name(), column).isEqualTo(c[2]);
            // Each refused case is one the stored form would change: reading from memory would give other values.
            assertThat(same(column, roundTrip(type, column)))
                    .as("%s %s reads back as itself", type.name(), column)
                    .isEqualTo(says);
        }
    }
}
