package io.columba.storage.codec;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;

/**
 * A reversible transform of a block's bytes, seen as little-endian integers of {@code width} bytes (1, 2, 4 or 8;
 * bytes past the last whole value are copied as they are), that makes the block compress better. Every transform
 * is exact on any bytes, so a wrong width costs ratio, never data.
 *
 * <pre>
 * Delta       --> Value^n: each value minus the one before (the first as it is), wrapping at the width
 * DoubleDelta --> Count VarUInt, First (width bytes), then each delta-of-delta zig-zag VarInt
 * Gorilla     --> per value: Flags UInt8 (leading zero bytes &lt;&lt; 4 | trailing zero bytes) of the XOR with the
 *                 previous value, then the XOR's middle bytes
 * T64         --> per 64 values: Min Int64, Bits UInt8, then Bits planes of UInt64 (bit i of plane b is bit b of
 *                 value i minus Min); a last short block is padded with Min
 * </pre>
 *
 * @param kind the transform
 * @param width bytes per value
 */
public record TransformCodec(Kind kind, int width) {

    /** The transforms, with the method byte ClickHouse gives each. */
    public enum Kind {
        DELTA((byte) 0x92),
        T64((byte) 0x93),
        DOUBLE_DELTA((byte) 0x94),
        GORILLA((byte) 0x95);

        private final byte methodByte;

        Kind(byte methodByte) {
            this.methodByte = methodByte;
        }

        public byte methodByte() {
            return methodByte;
        }

        static Kind fromByte(byte value) {
            for (Kind kind : values()) {
                if (kind.methodByte == value) {
                    return kind;
                }
            }
            throw new ColumbaException(
                    ErrorCode.UNSUPPORTED_METHOD, String.format("Unknown codec method byte 0x%02x", value & 0xFF));
        }
    }

    public TransformCodec {
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("a transform works on 1, 2, 4 or 8-byte values, got " + width);
        }
    }

    public byte[] encode(byte[] source, int length) {
        return switch (kind) {
            case DELTA -> DeltaTransforms.delta(source, length, width, true);
            case DOUBLE_DELTA -> DeltaTransforms.encodeDoubleDelta(source, length, width);
            case GORILLA -> BitTransforms.encodeGorilla(source, length, width);
            case T64 -> BitTransforms.encodeT64(source, length, width);
        };
    }

    /** The original {@code originalLength} bytes of an encoded block. */
    public byte[] decode(byte[] encoded, int length, int originalLength) {
        return switch (kind) {
            case DELTA -> DeltaTransforms.delta(encoded, length, width, false);
            case DOUBLE_DELTA -> DeltaTransforms.decodeDoubleDelta(encoded, length, width, originalLength);
            case GORILLA -> BitTransforms.decodeGorilla(encoded, length, width, originalLength);
            case T64 -> BitTransforms.decodeT64(encoded, length, width, originalLength);
        };
    }

    /** The value of {@code width} little-endian bytes at {@code at}, sign-extended. */
    static long read(byte[] data, int at, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (data[at + i] & 0xFFL);
        }
        int shift = 64 - width * 8;
        return shift == 0 ? value : (value << shift) >> shift;
    }

    static void write(byte[] data, int at, int width, long value) {
        for (int i = 0; i < width; i++) {
            data[at + i] = (byte) (value >>> (8 * i));
        }
    }

    static ColumbaException corrupt(String what) {
        return new ColumbaException(ErrorCode.CANNOT_DECOMPRESS, "Cannot decompress: corrupt " + what + " block");
    }
}
