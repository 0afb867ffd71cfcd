package io.columba.ingest.log;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads the records of one log segment. A torn tail (a record cut short or failing its checksum, then nothing
 * valid) in the last segment is cut off; in an earlier segment, or followed by more data it is not a torn write,
 * it is corruption.
 */
final class SegmentReader {
    private static final System.Logger LOG = System.getLogger(SegmentReader.class.getName());

    private SegmentReader() {}

    static void read(Path segment, boolean last, List<LogRecord> into) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            int headerBytes = InsertLog.segmentHeaderBytes();
            if (size < headerBytes) {
                // Created by a run that stopped before writing its header: it holds no record.
                channel.truncate(0);
                channel.write(InsertLog.segmentHeader(), 0);
                channel.force(true);
                return;
            }
            ByteBuffer header = readFully(channel, 0, headerBytes);
            InsertLog.checkHeader(header, segment);
            long position = headerBytes;
            while (position < size) {
                String problem = null;
                if (size - position < LogRecordCodec.HEADER_BYTES) {
                    problem = "a record header is cut short";
                } else {
                    ByteBuffer recordHeader = readFully(channel, position, LogRecordCodec.HEADER_BYTES);
                    int length = recordHeader.getInt(0);
                    int checksum = recordHeader.getInt(4);
                    if (length <= 0 || length > size - position - LogRecordCodec.HEADER_BYTES) {
                        problem = "a record of " + length + " bytes is cut short";
                    } else {
                        byte[] payload = readFully(channel, position + LogRecordCodec.HEADER_BYTES, length)
                                .array();
                        if (!LogRecordCodec.verify(payload, checksum)) {
                            problem = "a record fails its checksum";
                        } else {
                            into.add(LogRecordCodec.decode(payload));
                            position += LogRecordCodec.HEADER_BYTES + length;
                            continue;
                        }
                    }
                }
                tornTail(segment, last, channel, position, problem);
                return;
            }
        }
    }

    private static void tornTail(Path segment, boolean last, FileChannel channel, long position, String problem)
            throws IOException {
        if (!last) {
            throw new ColumbaException(
                    ErrorCode.CHECKSUM_DOESNT_MATCH,
                    "The insert log segment " + segment + " is corrupt at byte " + position + ": " + problem
                            + " (only the last segment may end in a torn write)");
        }
        LOG.log(
                System.Logger.Level.WARNING,
                "cutting the insert log segment " + segment + " at byte " + position + ": " + problem
                        + " (a write that was never acknowledged)");
        channel.truncate(position);
        channel.force(true);
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new IOException("unexpected end of " + channel);
            }
        }
        return buffer.flip();
    }
}
