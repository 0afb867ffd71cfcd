package io.columba.ingest.log;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.part.ValueCodec;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
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
 * BlockRows --> Table, RowCount (int32), Columns, Types, Values^Count   (Type 6: converted rows)
 * Intent  --> Table, MaxBlockBefore (int64), Sequences (Type 2)
 * Applied --> Table, Sequences                          (Type 3)
 * Aborted --> Table, Sequences                          (Type 4)
 * Table, Text --> Length (int32), UTF-8 bytes
 * Sequences   --> Count (int32), Sequence (int64)^Count
 * Columns     --> Count (int32), Table^Count (the column names)
 * Types       --> Count (int32), Table^Count (their type names)
 * Values      --> Length (int32), the column's values as a part's granule ({@link ValueCodec}, little-endian)
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
    private static final byte BLOCK_ROWS = 6;

    private LogRecordCodec() {}

    static ByteBuffer encode(LogRecord record) {
        if (record instanceof LogRecord.BlockRows rows) {
            return encodeBlock(rows);
        }
        byte[] table = utf8(table(record));
        byte[] text = record instanceof LogRecord.Rows rows ? utf8(rows.rows()) : new byte[0];
        byte[][] columns = record instanceof LogRecord.Rows rows ? utf8(rows.columns()) : new byte[0][];
        List<Long> sequences = switch (record) {
            case LogRecord.Rows ignored -> List.of();
            case LogRecord.BlockRows ignored -> List.of();
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
            case LogRecord.BlockRows ignored -> throw new IllegalStateException("encoded by encodeBlock");
            case LogRecord.Intent intent -> {
                buffer.putLong(intent.maxBlockBefore());
                putSequences(buffer, sequences);
            }
            case LogRecord.Applied ignored -> putSequences(buffer, sequences);
            case LogRecord.Aborted ignored -> putSequences(buffer, sequences);
        }
        return sealed(buffer);
    }

    /** Gives an encoded record (its buffer at position 0) the sequence {@code sequence}, checksummed again. */
    static void renumber(ByteBuffer record, long sequence) {
        record.putLong(HEADER_BYTES + 1, sequence);
        CRC32C crc = new CRC32C();
        crc.update(record.array(), HEADER_BYTES, record.limit() - HEADER_BYTES);
        record.putInt(4, (int) crc.getValue());
    }

    /** The header of a record written from {@link #HEADER_BYTES} up to the buffer's position. */
    private static ByteBuffer sealed(ByteBuffer buffer) {
        int length = buffer.position() - HEADER_BYTES;
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), HEADER_BYTES, length);
        buffer.putInt(0, length).putInt(4, (int) crc.getValue());
        buffer.limit(HEADER_BYTES + length).position(0);
        return buffer;
    }

    private static ByteBuffer encodeBlock(LogRecord.BlockRows rows) {
        byte[] table = utf8(rows.table());
        byte[][] columns = utf8(rows.columns());
        byte[][] types = utf8(rows.types().stream().map(DataType::name).toList());
        Block block = rows.block();
        GrowableByteArray values = new GrowableByteArray(estimatedBytes(block));
        int[] ends = new int[block.columnCount()];
        for (int c = 0; c < ends.length; c++) {
            ValueCodec.encode(rows.types().get(c), block.column(c), 0, block.rowCount(), values);
            ends[c] = values.length();
        }
        long payload = 1L + 8 + 4 + table.length + 4 + 4 + 4 + 4L * ends.length + values.length();
        for (int c = 0; c < ends.length; c++) {
            payload += 8L + columns[c].length + types[c].length;
        }
        if (payload > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("a log record of " + payload + " bytes is too large");
        }
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + (int) payload);
        buffer.position(HEADER_BYTES);
        buffer.put(BLOCK_ROWS).putLong(rows.sequence());
        buffer.putInt(table.length).put(table);
        buffer.putInt(block.rowCount());
        putStrings(buffer, columns);
        putStrings(buffer, types);
        int start = 0;
        for (int end : ends) {
            buffer.putInt(end - start).put(values.bytes(), start, end - start);
            start = end;
        }
        return sealed(buffer);
    }

    private static int estimatedBytes(Block block) {
        long bytes = 16;
        for (Column column : block.columns()) {
            bytes += column instanceof io.columba.storage.column.StringColumn strings
                    ? strings.offsets()[strings.size()] + 2L * strings.size()
                    : 9L * block.rowCount();
        }
        return (int) Math.min(MAX_RECORD_BYTES, bytes);
    }

    private static void putStrings(ByteBuffer buffer, byte[][] strings) {
        buffer.putInt(strings.length);
        for (byte[] string : strings) {
            buffer.putInt(string.length).put(string);
        }
    }

    private static LogRecord.BlockRows decodeBlock(long sequence, String table, ByteBuffer buffer) {
        int rowCount = buffer.getInt();
        List<String> columns = strings(buffer);
        List<String> typeNames = strings(buffer);
        if (rowCount < 0 || typeNames.size() != columns.size()) {
            throw new IllegalArgumentException(
                    "a log record claims " + rowCount + " rows of " + columns + " with types " + typeNames);
        }
        List<DataType> types = new ArrayList<>(typeNames.size());
        List<Column> values = new ArrayList<>(typeNames.size());
        for (String name : typeNames) {
            DataType type = DataTypeParser.parse(name);
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                throw new IllegalArgumentException("a log record claims values of " + length + " bytes");
            }
            ValueCodec.Target target = new ValueCodec.Target(type, rowCount);
            int end = ValueCodec.decode(buffer.array(), buffer.position(), rowCount, target);
            if (end != buffer.position() + length) {
                throw new IllegalArgumentException("the values of a log record do not fill their " + length + " bytes");
            }
            buffer.position(end);
            types.add(type);
            values.add(target.build());
        }
        return new LogRecord.BlockRows(sequence, table, columns, types, new Block(rowCount, values));
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
                case BLOCK_ROWS -> decodeBlock(sequence, table, buffer);
                case INTENT -> {
                    long maxBlock = buffer.getLong();
                    yield new LogRecord.Intent(sequence, table, maxBlock, sequences(buffer));
                }
                case APPLIED -> new LogRecord.Applied(sequence, table, sequences(buffer));
                case ABORTED -> new LogRecord.Aborted(sequence, table, sequences(buffer));
                default -> throw new IllegalArgumentException("unknown log record type " + type);
            };
        } catch (BufferUnderflowException | NegativeArraySizeException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("a log record ends too early", e);
        }
    }

    private static String table(LogRecord record) {
        return switch (record) {
            case LogRecord.Rows rows -> rows.table();
            case LogRecord.BlockRows rows -> rows.table();
            case LogRecord.Intent intent -> intent.table();
            case LogRecord.Applied applied -> applied.table();
            case LogRecord.Aborted aborted -> aborted.table();
        };
    }

    private static byte type(LogRecord record) {
        return switch (record) {
            case LogRecord.Rows rows -> rows.columns().isEmpty() ? ROWS : TSV_ROWS;
            case LogRecord.BlockRows ignored -> BLOCK_ROWS;
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
