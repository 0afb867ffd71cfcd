package io.columba.ingest.log;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The bytes of one log record:
 *
 * <pre>
 * Record  --> Length (int32, bytes of Type..Body), Crc32c (int32, of Type..Body), Type (byte), Sequence (int64), Body
 * Rows    --> Table, RowCount (int32), Text            (Type 1: JSONEachRow text)
 * TsvRows --> Table, RowCount (int32), Columns, Text   (Type 5: TabSeparated text of Columns)
 * Intent  --> Table, MaxBlockBefore (int64), Sequences (Type 2)
 * Applied --> Table, Sequences                          (Type 3)
 * Aborted --> Table, Sequences                          (Type 4)
 * Table, Text --> Length (int32), UTF-8 bytes
 * Sequences   --> Count (int32), Sequence (int64)^Count
 * Columns     --> Count (int32), Table^Count (the column names)
 * </pre>
 *
 * All integers big-endian.
 */
final class LogRecordCodec {
    static final int HEADER_BYTES = 8;
    static final int MAX_RECORD_BYTES = Integer.MAX_VALUE - 64;

    private static final byte ROWS = 1;
    private static final byte INTENT = 2;
    private static final byte APPLIED = 3;
    private static final byte ABORTED = 4;
    private static final byte TSV_ROWS = 5;

    private LogRecordCodec() {}

    static ByteBuffer encode(LogRecord record) {
        byte[] table = utf8(table(record));
        byte[] text = record instanceof LogRecord.Rows rows ? utf8(rows.rows()) : new byte[0];
        byte[][] columns = record instanceof LogRecord.Rows rows ? utf8(rows.columns()) : new byte[0][];
        List<Long> sequences = switch (record) {
            case LogRecord.Rows ignored -> List.of();
            case LogRecord.Intent intent -> intent.rowSequences();
            case LogRecord.Applied applied -> applied.rowSequences();
            case LogRecord.Aborted aborted -> aborted.rowSequences();
        };
        long payload = 1L + 8 + 4 + table.length + 4 + text.length + 8 + 4 + 8L * sequences.size() + 4;
        for (byte[] column : columns) {
            payload += 4 + column.length;
        }
        if (payload > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("a log record of " + payload + " bytes is too large");
        }
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + (int) payload);
        buffer.position(HEADER_BYTES);
        buffer.put(type(record)).putLong(record.sequence());
        buffer.putInt(table.length).put(table);
        switch (record) {
            case LogRecord.Rows rows -> {
                buffer.putInt(rows.rowCount());
                if (columns.length > 0) {
                    buffer.putInt(columns.length);
                    for (byte[] column : columns) {
                        buffer.putInt(column.length).put(column);
                    }
                }
                buffer.putInt(text.length).put(text);
            }
            case LogRecord.Intent intent -> {
                buffer.putLong(intent.maxBlockBefore());
                putSequences(buffer, sequences);
            }
            case LogRecord.Applied ignored -> putSequences(buffer, sequences);
            case LogRecord.Aborted ignored -> putSequences(buffer, sequences);
        }
        int length = buffer.position() - HEADER_BYTES;
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), HEADER_BYTES, length);
        buffer.putInt(0, length).putInt(4, (int) crc.getValue());
        buffer.limit(HEADER_BYTES + length).position(0);
        return buffer;
    }

    /** Whether {@code payload}'s checksum is {@code expected}. */
    static boolean verify(byte[] payload, int expected) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue() == expected;
    }

    /** Decodes a verified payload (Type..Body); throws {@link IllegalArgumentException} when it is malformed. */
    static LogRecord decode(byte[] payload) {
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        try {
            byte type = buffer.get();
            long sequence = buffer.getLong();
            String table = string(buffer);
            return switch (type) {
                case ROWS -> {
                    int rowCount = buffer.getInt();
                    yield new LogRecord.Rows(sequence, table, rowCount, string(buffer));
                }
                case TSV_ROWS -> {
                    int rowCount = buffer.getInt();
                    List<String> columns = strings(buffer);
                    yield new LogRecord.Rows(sequence, table, rowCount, columns, string(buffer));
                }
                case INTENT -> {
                    long maxBlock = buffer.getLong();
                    yield new LogRecord.Intent(sequence, table, maxBlock, sequences(buffer));
                }
                case APPLIED -> new LogRecord.Applied(sequence, table, sequences(buffer));
                case ABORTED -> new LogRecord.Aborted(sequence, table, sequences(buffer));
                default -> throw new IllegalArgumentException("unknown log record type " + type);
            };
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("a log record ends too early", e);
        }
    }

    private static String table(LogRecord record) {
        return switch (record) {
            case LogRecord.Rows rows -> rows.table();
            case LogRecord.Intent intent -> intent.table();
            case LogRecord.Applied applied -> applied.table();
            case LogRecord.Aborted aborted -> aborted.table();
        };
    }

    private static byte type(LogRecord record) {
        return switch (record) {
            case LogRecord.Rows rows -> rows.columns().isEmpty() ? ROWS : TSV_ROWS;
            case LogRecord.Intent ignored -> INTENT;
            case LogRecord.Applied ignored -> APPLIED;
            case LogRecord.Aborted ignored -> ABORTED;
        };
    }

    private static void putSequences(ByteBuffer buffer, List<Long> sequences) {
        buffer.putInt(sequences.size());
        for (long sequence : sequences) {
            buffer.putLong(sequence);
        }
    }

    private static List<Long> sequences(ByteBuffer buffer) {
        int count = buffer.getInt();
        if (count < 0 || count > buffer.remaining() / 8) {
            throw new IllegalArgumentException("a log record claims " + count + " sequences");
        }
        List<Long> sequences = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sequences.add(buffer.getLong());
        }
        return sequences;
    }

    private static List<String> strings(ByteBuffer buffer) {
        int count = buffer.getInt();
        if (count < 0 || count > buffer.remaining() / 4) {
            throw new IllegalArgumentException("a log record claims " + count + " columns");
        }
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(string(buffer));
        }
        return strings;
    }

    private static String string(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("a log record claims a string of " + length + " bytes");
        }
        String text = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return text;
    }

    private static byte[][] utf8(List<String> texts) {
        byte[][] bytes = new byte[texts.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = utf8(texts.get(i));
        }
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
