package io.columba.storage.codec;

import com.github.luben.zstd.Zstd;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * Compresses and decompresses one framed block.
 *
 * <pre>
 * CompressedBlock --> Checksum, Method, CompressedSize, UncompressedSize, Payload
 * Checksum         --> UInt32 LE, CRC32C of Method .. end of Payload
 * Method           --> UInt8, {@link CompressionMethod#methodByte()}, or 0x91 for a chain with transforms
 * CompressedSize   --> UInt32 LE, bytes of Method .. end of Payload (9 + payload length)
 * UncompressedSize --> UInt32 LE
 * Payload          --> compressed bytes | Chain (method 0x91)
 * Chain            --> Count UInt8, (TransformByte UInt8, Width UInt8)^Count, FinalMethod UInt8,
 *                      (TransformedSize UInt32 LE)^Count, compressed bytes of the last transform's output
 * </pre>
 * The sizes after each transform are kept so that decoding can undo them last to first.
 */
public final class BlockCompressor {
    /** Bytes before the payload: checksum (4) plus the 9-byte header. */
    public static final int FRAME_OVERHEAD = 13;

    private static final int HEADER = 9;
    private static final LZ4Factory LZ4 = lz4();

    private static final byte CHAIN = (byte) 0x91;

    private final CodecChain chain;
    private final CompressionMethod method;
    private final int zstdLevel;
    private final LZ4Compressor lz4Compressor;
    private byte[] scratch = new byte[0];

    public BlockCompressor(CompressionMethod method, int zstdLevel) {
        this(new CodecChain(java.util.List.of(), method, zstdLevel, false));
    }

    public BlockCompressor(CodecChain chain) {
        this.chain = chain;
        this.method = chain.method();
        this.zstdLevel = Math.max(1, chain.level());
        this.lz4Compressor = chain.highCompression() ? LZ4.highCompressor(chain.level()) : LZ4.fastCompressor();
    }

    /** The JNI codec when its library loads (several times faster); the pure-Java one otherwise. */
    private static LZ4Factory lz4() {
        try {
            return LZ4Factory.nativeInstance();
        } catch (Throwable unavailable) {
            return LZ4Factory.fastestJavaInstance();
        }
    }

    /** A block framed into a new array. */
    public byte[] compress(byte[] source, int length) {
        if (chain.transforms().isEmpty()) {
            return compressPlain(source, length);
        }
        byte[] data = source;
        int size = length;
        int[] sizes = new int[chain.transforms().size()];
        for (int t = 0; t < sizes.length; t++) {
            data = chain.transforms().get(t).encode(data, size);
            size = data.length;
            sizes[t] = size;
        }
        byte[] inner = compressPlain(data, size);
        int header = 1 + 2 * sizes.length + 1 + 4 * sizes.length;
        int innerPayload = inner.length - FRAME_OVERHEAD;
        byte[] frame = new byte[FRAME_OVERHEAD + header + innerPayload];
        ByteBuffer buffer = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int at = FRAME_OVERHEAD;
        frame[at++] = (byte) sizes.length;
        for (TransformCodec transform : chain.transforms()) {
            frame[at++] = transform.kind().methodByte();
            frame[at++] = (byte) transform.width();
        }
        frame[at++] = method.methodByte();
        for (int transformed : sizes) {
            buffer.putInt(at, transformed);
            at += 4;
        }
        System.arraycopy(inner, FRAME_OVERHEAD, frame, at, innerPayload);
        buffer.put(4, CHAIN);
        buffer.putInt(5, HEADER + header + innerPayload);
        buffer.putInt(9, length);
        CRC32C crc = new CRC32C();
        crc.update(frame, 4, HEADER + header + innerPayload);
        buffer.putInt(0, (int) crc.getValue());
        return frame;
    }

    /**
     * A block framed into an array this compressor reuses: the returned buffer holds the frame until the next call
     * (a part writer compresses block after block without allocating each frame).
     */
    public ByteBuffer frame(byte[] source, int length) {
        if (!chain.transforms().isEmpty()) {
            return ByteBuffer.wrap(compress(source, length));
        }
        int bound = FRAME_OVERHEAD + plainBound(length);
        if (scratch.length < bound) {
            scratch = new byte[Math.max(bound, scratch.length * 2)];
        }
        return ByteBuffer.wrap(scratch, 0, compressPlain(source, length, scratch));
    }

    private int plainBound(int length) {
        return switch (method) {
            case NONE -> length;
            case LZ4 -> lz4Compressor.maxCompressedLength(length);
            case ZSTD -> (int) Zstd.compressBound(length);
        };
    }

    private byte[] compressPlain(byte[] source, int length) {
        byte[] frame = new byte[FRAME_OVERHEAD + plainBound(length)];
        return java.util.Arrays.copyOf(frame, compressPlain(source, length, frame));
    }

    /** Frames {@code source} into {@code frame} (at least {@link #plainBound} long), returning the frame length. */
    private int compressPlain(byte[] source, int length, byte[] frame) {
        int bound = frame.length - FRAME_OVERHEAD;
        int payload = switch (method) {
            case NONE -> {
                System.arraycopy(source, 0, frame, FRAME_OVERHEAD, length);
                yield length;
            }
            case LZ4 -> lz4Compressor.compress(source, 0, length, frame, FRAME_OVERHEAD, bound);
            case ZSTD -> (int) Zstd.compressByteArray(frame, FRAME_OVERHEAD, bound, source, 0, length, zstdLevel);
        };
        ByteBuffer header = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        header.put(4, method.methodByte());
        header.putInt(5, HEADER + payload);
        header.putInt(9, length);
        CRC32C crc = new CRC32C();
        crc.update(frame, 4, HEADER + payload);
        header.putInt(0, (int) crc.getValue());
        return FRAME_OVERHEAD + payload;
    }

    /** The total length of the frame that starts at {@code offset}. */
    public static int frameLength(ByteBuffer file, int offset) {
        return 4 + file.order(ByteOrder.LITTLE_ENDIAN).getInt(offset + 5);
    }

    /** Verifies and decompresses the frame at {@code offset}; {@code where} names it in errors. */
    public static byte[] decompress(ByteBuffer file, int offset, String where) {
        ByteBuffer buffer = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int expectedChecksum = buffer.getInt(offset);
        byte methodByte = buffer.get(offset + 4);
        int compressedSize = buffer.getInt(offset + 5);
        int uncompressedSize = buffer.getInt(offset + 9);
        if (compressedSize < HEADER || offset + 4 + compressedSize > buffer.limit() || uncompressedSize < 0) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_READ_ALL_DATA, "Truncated compressed block at offset " + offset + " of " + where);
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer.slice(offset + 4, compressedSize));
        if ((int) crc.getValue() != expectedChecksum) {
            throw new ColumbaException(
                    ErrorCode.CHECKSUM_DOESNT_MATCH,
                    "Checksum doesn't match: corrupted data in compressed block at offset " + offset + " of " + where);
        }
        int payloadOffset = offset + FRAME_OVERHEAD;
        int payloadLength = compressedSize - HEADER;
        if (methodByte == CHAIN) {
            return decompressChain(buffer, payloadOffset, payloadLength, uncompressedSize, offset, where);
        }
        return decompressPayload(
                buffer,
                CompressionMethod.fromByte(methodByte),
                payloadOffset,
                payloadLength,
                uncompressedSize,
                offset,
                where);
    }

    private static byte[] decompressChain(
            ByteBuffer buffer, int payloadOffset, int payloadLength, int uncompressedSize, int offset, String where) {
        int count = buffer.get(payloadOffset) & 0xFF;
        int header = 1 + 2 * count + 1 + 4 * count;
        if (count == 0 || header > payloadLength) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_DECOMPRESS, "Corrupt codec chain at offset " + offset + " of " + where);
        }
        TransformCodec[] transforms = new TransformCodec[count];
        int at = payloadOffset + 1;
        for (int t = 0; t < count; t++) {
            TransformCodec.Kind kind = TransformCodec.Kind.fromByte(buffer.get(at));
            transforms[t] = new TransformCodec(kind, buffer.get(at + 1));
            at += 2;
        }
        CompressionMethod method = CompressionMethod.fromByte(buffer.get(at++));
        int[] sizes = new int[count];
        for (int t = 0; t < count; t++) {
            sizes[t] = buffer.getInt(at);
            at += 4;
        }
        byte[] data = decompressPayload(buffer, method, at, payloadLength - header, sizes[count - 1], offset, where);
        for (int t = count - 1; t >= 0; t--) {
            int original = t == 0 ? uncompressedSize : sizes[t - 1];
            data = transforms[t].decode(data, data.length, original);
        }
        return data;
    }

    private static byte[] decompressPayload(
            ByteBuffer buffer,
            CompressionMethod method,
            int payloadOffset,
            int payloadLength,
            int uncompressedSize,
            int offset,
            String where) {
        byte[] result = new byte[uncompressedSize];
        switch (method) {
            case NONE -> buffer.get(payloadOffset, result, 0, uncompressedSize);
            case LZ4 -> {
                // Array to array with the bounds-checked decompressor is lz4-java's fast (JNI) path.
                byte[] payload = new byte[payloadLength];
                buffer.get(payloadOffset, payload, 0, payloadLength);
                int written = LZ4.safeDecompressor().decompress(payload, 0, payloadLength, result, 0, uncompressedSize);
                if (written != uncompressedSize) {
                    throw new ColumbaException(
                            ErrorCode.CANNOT_READ_ALL_DATA,
                            "Block at offset " + offset + " of " + where + " decompressed to " + written
                                    + " bytes, expected " + uncompressedSize);
                }
            }
            case ZSTD -> {
                byte[] payload = new byte[payloadLength];
                buffer.get(payloadOffset, payload, 0, payloadLength);
                Zstd.decompressByteArray(result, 0, uncompressedSize, payload, 0, payloadLength);
            }
        }
        return result;
    }
}
