package io.columba.storage.codec;

/** Gorilla (XOR with the previous value) and T64 (bit planes of 64 values): for floats and narrow-range integers. */
final class BitTransforms {
    private BitTransforms() {}

    static byte[] encodeGorilla(byte[] source, int length, int width) {
        int values = length / width;
        DeltaTransforms.ByteWriter out = new DeltaTransforms.ByteWriter(length + values);
        long previous = 0;
        for (int i = 0; i < values; i++) {
            long value = TransformCodec.read(source, i * width, width);
            long xor = (value ^ previous) & mask(width);
            previous = value;
            int leading = xor == 0 ? width : (Long.numberOfLeadingZeros(xor) - (64 - width * 8)) / 8;
            int trailing = xor == 0 ? 0 : Long.numberOfTrailingZeros(xor) / 8;
            int middle = width - leading - trailing;
            out.fixed(((long) leading << 4) | trailing, 1);
            if (middle > 0) {
                out.fixed(xor >>> (8 * trailing), middle);
            }
        }
        out.bytes(source, values * width, length - values * width);
        return out.toArray();
    }

    static byte[] decodeGorilla(byte[] encoded, int length, int width, int originalLength) {
        int values = originalLength / width;
        byte[] out = new byte[originalLength];
        DeltaTransforms.ByteReader in = new DeltaTransforms.ByteReader(encoded, length);
        long previous = 0;
        for (int i = 0; i < values; i++) {
            int flags = in.readByte();
            int leading = flags >>> 4;
            int trailing = flags & 0xF;
            int middle = width - leading - trailing;
            if (middle < 0 || leading > width) {
                throw TransformCodec.corrupt("Gorilla");
            }
            long xor = middle == 0 ? 0 : (in.fixed(middle) & mask(middle)) << (8 * trailing);
            previous ^= xor;
            TransformCodec.write(out, i * width, width, previous);
        }
        in.bytes(out, values * width, originalLength - values * width);
        return out;
    }

    private static long mask(int width) {
        return width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    static byte[] encodeT64(byte[] source, int length, int width) {
        int values = length / width;
        DeltaTransforms.ByteWriter out = new DeltaTransforms.ByteWriter(length / 2 + 16);
        long[] block = new long[64];
        for (int start = 0; start < values; start += 64) {
            int count = Math.min(64, values - start);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                block[i] = TransformCodec.read(source, (start + i) * width, width);
                min = Math.min(min, block[i]);
                max = Math.max(max, block[i]);
            }
            int bits = 64 - Long.numberOfLeadingZeros(max - min);
            out.fixed(min, 8);
            out.fixed(bits, 1);
            for (int plane = 0; plane < bits; plane++) {
                long word = 0;
                for (int i = 0; i < count; i++) {
                    word |= (((block[i] - min) >>> plane) & 1L) << i;
                }
                out.fixed(word, 8);
            }
        }
        out.bytes(source, values * width, length - values * width);
        return out.toArray();
    }

    static byte[] decodeT64(byte[] encoded, int length, int width, int originalLength) {
        int values = originalLength / width;
        byte[] out = new byte[originalLength];
        DeltaTransforms.ByteReader in = new DeltaTransforms.ByteReader(encoded, length);
        long[] block = new long[64];
        for (int start = 0; start < values; start += 64) {
            int count = Math.min(64, values - start);
            long min = in.fixed(8);
            int bits = in.readByte();
            if (bits > 64) {
                throw TransformCodec.corrupt("T64");
            }
            java.util.Arrays.fill(block, 0);
            for (int plane = 0; plane < bits; plane++) {
                long word = in.fixed(8);
                for (int i = 0; i < count; i++) {
                    block[i] |= ((word >>> i) & 1L) << plane;
                }
            }
            for (int i = 0; i < count; i++) {
                TransformCodec.write(out, (start + i) * width, width, block[i] + min);
            }
        }
        in.bytes(out, values * width, originalLength - values * width);
        return out;
    }
}
