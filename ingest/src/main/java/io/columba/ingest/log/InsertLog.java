package io.columba.ingest.log;

import io.columba.storage.block.Block;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The write-ahead log of ingestion: records appended to segment files and made durable with a group commit (one
 * fsync covers every record appended before it). A segment is deleted once every rows record in it and in the
 * segments before it is applied.
 *
 * <pre>
 * folder  --> Segment*            (wal-&lt;first sequence, 20 digits&gt;.log)
 * Segment --> Magic ("CWAL", int32), Version (int32 = 1), Record*   (see {@link LogRecordCodec})
 * </pre>
 *
 * <p>Opening reads every segment: a record cut short or failing its checksum at the end of the last segment is a
 * write that was never acknowledged, so the file is cut there; anywhere else it is corruption and opening fails.
 * New records always go to a new segment.
 */
public final class InsertLog implements AutoCloseable {
    private static final int MAGIC = 0x4357414c;
    private static final int VERSION = 1;
    private static final int SEGMENT_HEADER_BYTES = 8;

    private final Path folder;
    private final long segmentBytes;
    private final List<LogRecord> recovered;
    private final Object appendLock = new Object();
    private final Object syncLock = new Object();
    /** First sequence of each segment to the rows records in it not yet applied. */
    private final TreeMap<Long, Integer> unapplied = new TreeMap<>();

    private FileChannel active;
    private long activeFirstSequence;
    private long activeBytes;
    private long nextSequence;
    private volatile long durableSequence;

    private InsertLog(Path folder, long segmentBytes, List<LogRecord> recovered, long nextSequence) {
        this.folder = folder;
        this.segmentBytes = segmentBytes;
        this.recovered = List.copyOf(recovered);
        this.nextSequence = nextSequence;
        this.durableSequence = nextSequence - 1;
    }

    /** Opens the log in {@code folder} (created if needed), reading what earlier runs left; see {@link #recovered()}. */
    public static InsertLog open(Path folder, long segmentBytes) {
        try {
            Files.createDirectories(folder);
            List<Path> segments = segments(folder);
            List<LogRecord> records = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                SegmentReader.read(segments.get(i), i == segments.size() - 1, records);
            }
            long next = records.isEmpty() ? 1 : records.get(records.size() - 1).sequence() + 1;
            for (Path segment : segments) {
                next = Math.max(next, firstSequence(segment) + 1);
            }
            InsertLog log = new InsertLog(folder, segmentBytes, records, next);
            log.countRecovered(segments);
            synchronized (log.appendLock) {
                log.startSegment();
            }
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the insert log in " + folder, e);
        }
    }

    /** The records found on opening, in log order. */
    public List<LogRecord> recovered() {
        return recovered;
    }

    /** Appends rows; durable once {@link #sync} of the returned sequence returns. */
    public long appendRows(String table, int rowCount, String rows) {
        return appendRows(table, rowCount, List.of(), rows);
    }

    /** Appends rows as TabSeparated text of {@code columns} (JSONEachRow when empty); see {@link #sync}. */
    public long appendRows(String table, int rowCount, List<String> columns, String rows) {
        return append(sequence -> new LogRecord.Rows(sequence, table, rowCount, columns, rows), true);
    }

    /** Appends rows converted already: {@code block}'s columns are {@code columns}, of {@code types}; see {@link #sync}. */
    public long appendBlock(String table, List<String> columns, List<DataType> types, Block block) {
        return append(sequence -> new LogRecord.BlockRows(sequence, table, columns, types, block), true);
    }

    /** Appends and syncs an intent to insert {@code rowSequences} into {@code table}. */
    public void intent(String table, long maxBlockBefore, List<Long> rowSequences) {
        sync(appendIntent(table, maxBlockBefore, rowSequences));
    }

    /**
     * Appends an intent to insert {@code rowSequences} into {@code table} and returns its sequence, which must be
     * {@link #sync synced} before any of those rows' parts can become durable.
     */
    public long appendIntent(String table, long maxBlockBefore, List<Long> rowSequences) {
        return append(sequence -> new LogRecord.Intent(sequence, table, maxBlockBefore, rowSequences), false);
    }

    /**
     * Appends (without waiting for a sync: recovery tells a committed intent from the table's parts) that
     * {@code rowSequences} are applied, and deletes the segments no longer needed.
     */
    public void applied(String table, List<Long> rowSequences) {
        append(sequence -> new LogRecord.Applied(sequence, table, rowSequences), false);
        synchronized (appendLock) {
            for (long rows : rowSequences) {
                Long segment = unapplied.floorKey(rows);
                if (segment != null) {
                    unapplied.merge(segment, -1, Integer::sum);
                }
            }
        }
        deleteAppliedSegments();
    }

    /** Appends and syncs that the insert of {@code rowSequences} failed and changed nothing. */
    public void aborted(String table, List<Long> rowSequences) {
        sync(append(sequence -> new LogRecord.Aborted(sequence, table, rowSequences), false));
    }

    /** Returns once every record up to {@code sequence} is on disk; concurrent callers share one fsync. */
    public void sync(long sequence) {
        if (durableSequence >= sequence) {
            return;
        }
        synchronized (syncLock) {
            if (durableSequence >= sequence) {
                return;
            }
            FileChannel channel;
            long written;
            synchronized (appendLock) {
                channel = active;
                written = nextSequence - 1;
            }
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new ColumbaException(ErrorCode.CANNOT_OPEN_FILE, "Cannot sync the insert log: " + e, e);
            }
            durableSequence = written;
        }
    }

    private interface RecordFactory {
        LogRecord create(long sequence);
    }

    private long append(RecordFactory factory, boolean rows) {
        // Encoded before taking the lock (concurrent requests encode at once); numbered under it.
        ByteBuffer bytes = LogRecordCodec.encode(factory.create(0));
        boolean rotationDue;
        synchronized (appendLock) {
            rotationDue = activeBytes >= segmentBytes;
        }
        if (rotationDue) {
            synchronized (syncLock) {
                synchronized (appendLock) {
                    if (activeBytes >= segmentBytes) {
                        rotate();
                    }
                }
            }
        }
        synchronized (appendLock) {
            long sequence = nextSequence;
            LogRecordCodec.renumber(bytes, sequence);
            try {
                while (bytes.hasRemaining()) {
                    active.write(bytes);
                }
            } catch (IOException e) {
                throw new ColumbaException(ErrorCode.CANNOT_OPEN_FILE, "Cannot write the insert log: " + e, e);
            }
            nextSequence++;
            activeBytes += bytes.limit();
            if (rows) {
                unapplied.merge(activeFirstSequence, 1, Integer::sum);
            }
            return sequence;
        }
    }

    /** Called holding both locks: the old segment is synced, so nothing before the new one waits for a sync. */
    private void rotate() {
        try {
            active.force(false);
            active.close();
        } catch (IOException e) {
            throw new ColumbaException(ErrorCode.CANNOT_OPEN_FILE, "Cannot close a segment of the insert log: " + e, e);
        }
        durableSequence = nextSequence - 1;
        startSegment();
    }

    private void startSegment() {
        activeFirstSequence = nextSequence;
        activeBytes = SEGMENT_HEADER_BYTES;
        Path file = folder.resolve(String.format("wal-%020d.log", activeFirstSequence));
        try {
            active = FileChannel.open(
                    file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            ByteBuffer header = segmentHeader();
            while (header.hasRemaining()) {
                active.write(header);
            }
            active.force(true);
            try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a segment of the insert log in " + folder, e);
        }
        unapplied.putIfAbsent(activeFirstSequence, 0);
    }

    /** Counts, per recovered segment, its rows records that no applied record names. */
    private void countRecovered(List<Path> segments) {
        java.util.Set<Long> applied = new java.util.HashSet<>();
        for (LogRecord record : recovered) {
            if (record instanceof LogRecord.Applied done) {
                applied.addAll(done.rowSequences());
            }
        }
        for (Path segment : segments) {
            unapplied.put(firstSequence(segment), 0);
        }
        for (LogRecord record : recovered) {
            boolean rows = record instanceof LogRecord.Rows || record instanceof LogRecord.BlockRows;
            if (rows && !applied.contains(record.sequence())) {
                unapplied.merge(unapplied.floorKey(record.sequence()), 1, Integer::sum);
            }
        }
    }

    /** Deletes the leading segments whose rows records are all applied (never the segment being written). */
    public void deleteAppliedSegments() {
        List<Long> deletable = new ArrayList<>();
        synchronized (appendLock) {
            for (Map.Entry<Long, Integer> segment : unapplied.entrySet()) {
                if (segment.getKey() == activeFirstSequence || segment.getValue() > 0) {
                    break;
                }
                deletable.add(segment.getKey());
            }
            for (long first : deletable) {
                unapplied.remove(first);
            }
        }
        for (long first : deletable) {
            try {
                Files.deleteIfExists(folder.resolve(String.format("wal-%020d.log", first)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete an applied segment of the insert log", e);
            }
        }
    }

    private static List<Path> segments(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("wal-\\d{20}\\.log"))
                    .sorted()
                    .toList();
        }
    }

    private static long firstSequence(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(4, 24));
    }

    static void checkHeader(ByteBuffer header, Path segment) {
        if (header.getInt(0) != MAGIC || header.getInt(4) != VERSION) {
            throw new ColumbaException(
                    ErrorCode.CHECKSUM_DOESNT_MATCH,
                    "The insert log segment " + segment + " does not start with CWAL version " + VERSION);
        }
    }

    static ByteBuffer segmentHeader() {
        return ByteBuffer.allocate(SEGMENT_HEADER_BYTES)
                .putInt(MAGIC)
                .putInt(VERSION)
                .flip();
    }

    static int segmentHeaderBytes() {
        return SEGMENT_HEADER_BYTES;
    }

    @Override
    public void close() {
        synchronized (syncLock) {
            synchronized (appendLock) {
                try {
                    active.force(false);
                    active.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close the insert log", e);
                }
            }
        }
    }
}
