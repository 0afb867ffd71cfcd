package io.columba.storage.part;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * A small file read and written whole, guarded by a magic number, a format version and a checksum.
 *
 * <pre>
 * File     --> Magic, Version, Length, Payload, Checksum
 * Magic    --> 4 ASCII bytes naming the file kind (for example "CLMK" for marks)
 * Version  --> UInt32 LE, the format version of the payload
 * Length   --> UInt32 LE, bytes of Payload
 * Checksum --> UInt32 LE, CRC32C of Payload
 * </pre>
 */
public final class ChecksummedFile {
    private ChecksummedFile() {}

    /** Writes the file and fsyncs it. */
    public static void write(Path path, String magic, int version, byte[] payload, int length) throws IOException {
        write(path, magic, version, payload, length, true);
    }

    /**
     * Writes the file, fsyncing it when {@code sync} (a part's files are synced together when it commits, see
     * {@link FileSync}).
     */
    public static void write(Path path, String magic, int version, byte[] payload, int length, boolean sync)
            throws IOException {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.put(magic.getBytes(StandardCharsets.US_ASCII))
                .putInt(version)
                .putInt(length)
                .flip();
        CRC32C crc = new CRC32C();
        crc.update(payload, 0, length);
        ByteBuffer footer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        footer.putInt((int) crc.getValue()).flip();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(channel, header);
            writeFully(channel, ByteBuffer.wrap(payload, 0, length));
            writeFully(channel, footer);
            if (sync) {
                channel.force(true);
            }
        }
    }

    static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** The payload, after checking magic, version and checksum. */
    public static byte[] read(Path path, String magic, int version) throws IOException {
        byte[] all = Files.readAllBytes(path);
        ByteBuffer buffer = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < 16 || !new String(all, 0, 4, StandardCharsets.US_ASCII).equals(magic)) {
            throw corrupted(path, "magic " + magic + " expected");
        }
        int fileVersion = buffer.getInt(4);
        if (fileVersion != version) {
            throw corrupted(path, "format version " + version + " expected, found " + fileVersion);
        }
        int length = buffer.getInt(8);
        if (length < 0 || length != all.length - 16) {
            throw corrupted(path, "payload of " + length + " bytes in a file of " + all.length + " bytes");
        }
        CRC32C crc = new CRC32C();
        crc.update(all, 12, length);
        if ((int) crc.getValue() != buffer.getInt(12 + length)) {
            throw new ColumbaException(ErrorCode.CHECKSUM_DOESNT_MATCH, "Checksum doesn't match in " + path);
        }
        byte[] payload = new byte[length];
        System.arraycopy(all, 12, payload, 0, length);
        return payload;
    }

    private static ColumbaException corrupted(Path path, String what) {
        return new ColumbaException(ErrorCode.CANNOT_READ_ALL_DATA, "Corrupted file " + path + ": " + what);
    }
}
