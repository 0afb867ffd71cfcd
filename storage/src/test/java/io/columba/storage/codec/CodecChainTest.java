package io.columba.storage.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.type.DataTypeParser;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CodecChainTest {
    private static final long SEED = new Random().nextLong();

    private static byte[] roundTrip(CodecChain chain, byte[] data) {
        byte[] frame = new BlockCompressor(chain).compress(data, data.length);
        return BlockCompressor.decompress(ByteBuffer.wrap(frame), 0, "test");
    }

    private static int compressedSize(CodecChain chain, byte[] data) {
        return new BlockCompressor(chain).compress(data, data.length).length;
    }

    private static byte[] longs(long[] values, int width) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            for (int i = 0; i < width; i++) {
                buffer.put((byte) (value >>> (8 * i)));
            }
        }
        return buffer.array();
    }

    @Test
    void everyTransformRestoresEveryWidthLengthAndPattern() {
        Random random = new Random(SEED);
        for (TransformCodec.Kind kind : TransformCodec.Kind.values()) {
            for (int width : new int[] {1, 2, 4, 8}) {
                for (int length : new int[] {0, 1, width - 1, width, 63 * width + 3, 64 * width, 1000 * width + 5}) {
                    byte[][] patterns = {new byte[Math.max(0, length)], random(random, length), sorted(random, length)};
                    for (byte[] data : patterns) {
                        for (CompressionMethod method : CompressionMethod.values()) {
                            CodecChain chain =
                                    new CodecChain(List.of(new TransformCodec(kind, width)), method, 3, false);
                            assertThat(roundTrip(chain, data))
                                    .as("%s width %d length %d %s seed %d", kind, width, length, method, SEED)
                                    .isEqualTo(data);
                        }
                    }
                }
            }
        }
    }

    private static byte[] random(Random random, int length) {
        byte[] data = new byte[Math.max(0, length)];
        random.nextBytes(data);
        return data;
    }

    private static byte[] sorted(Random random, int length) {
        byte[] data = new byte[Math.max(0, length)];
        long value = random.nextInt(1000);
        for (int i = 0; i + 8 <= data.length; i += 8) {
            value += random.nextInt(5);
            ByteBuffer.wrap(data, i, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        }
        return data;
    }

    @Test
    void chainedTransformsRestoreTheBlock() {
        Random random = new Random(SEED);
        byte[] data = sorted(random, 80_000);
        CodecChain chain = CodecChain.parse(List.of("Delta", "T64", "ZSTD(3)"), DataTypeParser.parse("Int64"));
        assertThat(roundTrip(chain, data)).isEqualTo(data);
    }

    @Test
    void transformsMakeTheirDataSmaller() {
        int rows = 100_000;
        long[] timestamps = new long[rows];
        long[] sortedIds = new long[rows];
        long[] smallRange = new long[rows];
        Random random = new Random(SEED);
        for (int i = 0; i < rows; i++) {
            timestamps[i] = 1_700_000_000L + i * 15L;
            sortedIds[i] = i * 3L + random.nextInt(3);
            smallRange[i] = 1000 + random.nextInt(200);
        }
        double[] gauge = new double[rows];
        for (int i = 0; i < rows; i++) {
            gauge[i] = 20.0 + (i / 100);
        }
        CodecChain lz4 = CodecChain.DEFAULT;
        var int64 = DataTypeParser.parse("Int64");
        assertThat(compressedSize(
                        CodecChain.parse(List.of("DoubleDelta", "LZ4"), DataTypeParser.parse("DateTime")),
                        longs(timestamps, 4)))
                .isLessThan(compressedSize(lz4, longs(timestamps, 4)) / 4);
        CodecChain zstd = CodecChain.parse(List.of("ZSTD(3)"), int64);
        assertThat(compressedSize(CodecChain.parse(List.of("Delta", "ZSTD(3)"), int64), longs(sortedIds, 8)))
                .isLessThan(compressedSize(zstd, longs(sortedIds, 8)) / 2);
        assertThat(compressedSize(CodecChain.parse(List.of("T64", "LZ4"), int64), longs(smallRange, 8)))
                .isLessThan(compressedSize(lz4, longs(smallRange, 8)) / 2);
        long[] bits = new long[rows];
        for (int i = 0; i < rows; i++) {
            bits[i] = Double.doubleToRawLongBits(gauge[i]);
        }
        assertThat(compressedSize(
                        CodecChain.parse(List.of("Gorilla"), DataTypeParser.parse("Float64")), longs(bits, 8)))
                .isLessThan(rows * 8 / 4);
    }

    @Test
    void codecsThatDoNotFitTheTypeAreRefused() {
        var string = DataTypeParser.parse("String");
        assertThatThrownBy(() -> CodecChain.parse(List.of("Delta"), string))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("not applicable for String");
        assertThatThrownBy(() -> CodecChain.parse(List.of("T64"), DataTypeParser.parse("Float64")))
                .hasMessageContaining("T64");
        assertThatThrownBy(() -> CodecChain.parse(List.of("Brotli"), string)).hasMessageContaining("Unknown codec");
        assertThatThrownBy(() -> CodecChain.parse(List.of("ZSTD(99)"), string)).hasMessageContaining("level 99");
        assertThatThrownBy(() -> CodecChain.parse(List.of("LZ4", "Delta"), DataTypeParser.parse("Int32")))
                .hasMessageContaining("cannot follow");
    }

    @Test
    void aCorruptChainIsAClearError() {
        byte[] data = longs(new long[] {1, 2, 3, 4, 5, 6, 7, 8}, 8);
        CodecChain chain = CodecChain.parse(List.of("DoubleDelta", "NONE"), DataTypeParser.parse("Int64"));
        byte[] frame = new BlockCompressor(chain).compress(data, data.length);
        frame[frame.length - 1] ^= 0x55;
        assertThatThrownBy(() -> BlockCompressor.decompress(ByteBuffer.wrap(frame), 0, "test"))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("Checksum doesn't match");
    }
}
