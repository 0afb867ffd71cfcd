package io.columba.storage.codec;

import java.util.Arrays;

/** Delta and DoubleDelta: differences of consecutive values, for sorted keys and regular timestamps. */
final class DeltaTransforms {
    private DeltaTransforms() {}

    /** Delta ({@code forward}) or its inverse, a running sum; both keep the length. */
    static byte[] delta(byte[] source, int length, int width, boolean forward) {
        byte[] out = Arrays.copyOf(source, length);
        int values = length / width;
        long previous = 0;
        for (int i = 0; i < values; i++) {
            int at = i * width;
            long value = TransformCodec.read(source, at, width);
            if (forward) {
                TransformCodec.write(out, at, width, value - previous);
                previous = value;
            } else {
                previous += value;
                TransformCodec.write(out, at, width, previous);
            }
        }
        return out;
    }

    static byte[] encodeDoubleDelta(byte[] source, int length, int width) {
        int values = length / width;
        ByteWriter out = new ByteWriter(length / 4 + 16);
        out.varUInt(values);
        long previous = 0;
        long previousDelta = 0;
        for (int i = 0; i < values; i++) {
            long value = TransformCodec.read(source, i * width, width);
            if (i == 0) {
                out.fixed(value, width);
            } else {
                long delta = value - previous;
                long deltaOfDelta = delta - previousDelta;
                out.varUInt((deltaOfDelta << 1) ^ (deltaOfDelta >> 63));
                previousDelta = delta;
            }
            previous = value;
        }
        out.bytes(source, values * width, length - values * width);
        return out.toArray();
    }

    static byte[] decodeDoubleDelta(byte[] encoded, int length, int width, int originalLength) {
        ByteReader in = new ByteReader(encoded, length);
        long values = in.varUInt();
        if (values * width > originalLength) {
            throw TransformCodec.corrupt("DoubleDelta");
        }
        byte[] out = new byte[originalLength];
        long previous = 0;
        long delta = 0;
        for (int i = 0; i < values; i++) {
            long value;
            if (i == 0) {
                value = in.fixed(width);
            } else {
                long zigzag = in.varUInt();
                delta += (zigzag >>> 1) ^ -(zigzag & 1);
                value = previous + delta;
            }
            TransformCodec.write(out, i * width, width, value);
            previous = value;
        }
        int tail = (int) (originalLength - values * width);
        in.bytes(out, (int) (values * width), tail);
        return out;
    }

    /** Appends to a growing array. */
    static final class ByteWriter {
        private byte[] data;
        private int size;

        ByteWriter(int capacity) {
            data = new byte[Math.max(16, capacity)];
        }

        private void ensure(int extra) {
            if (size + extra > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
            }
        }

        void varUInt(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                data[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            data[size++] = (byte) value;
        }

        void fixed(long value, int width) {
            ensure(width);
            TransformCodec.write(data, size, width, value);
            size += width;
        }

        void bytes(byte[] source, int offset, int count) {
            ensure(count);
            System.arraycopy(source, offset, data, size, count);
            size += count;
        }

        byte[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    /** Reads what {@link ByteWriter} wrote, refusing to run past the end. */
    static final class ByteReader {
        private final byte[] data;
        private final int end;
        private int at;

        ByteReader(byte[] data, int end) {
            this.data = data;
            this.end = end;
        }

        long varUInt() {
            long value = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                if (at >= end) {
                    throw TransformCodec.corrupt("varint");
                }
                byte b = data[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw TransformCodec.corrupt("varint");
        }

        long fixed(int width) {
            if (end - at < width) {
                throw TransformCodec.corrupt("fixed-width");
            }
            long value = TransformCodec.read(data, at, width);
            at += width;
            return value;
        }

        int readByte() {
            if (at >= end) {
                throw TransformCodec.corrupt("byte");
            }
            return data[at++] & 0xFF;
        }

        void bytes(byte[] target, int offset, int count) {
            if (end - at < count) {
                throw TransformCodec.corrupt("tail");
            }
            System.arraycopy(data, at, target, offset, count);
            at += count;
        }
    }
}
