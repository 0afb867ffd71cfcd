package io.columba.storage.part;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable part on disk, opened for reading (layout in {@link PartWriter}). Column files are memory-mapped
 * and their marks loaded on first use; reads are thread-safe.
 */
public final class DataPart {
    private final Path folder;
    /** The folder as text, for error messages, made once: Path.toString per granule read showed in profiles. */
    private final String folderText;

    private final PartName name;
    private final PartMetadata metadata;
    private final Block primaryIndex;
    private final int[] granuleRows;
    private final long[] granuleStarts;
    private final ColumnFile[] files;
    /** The columns this part was written from, held in memory for a merge (null entries: read from disk). */
    private volatile Column[] resident;

    private record ColumnFile(ByteBuffer data, long[] blockOffsets, int[] offsetsInBlock) {}

    private DataPart(Path folder, PartName name, PartMetadata metadata, Block primaryIndex) throws IOException {
        this.folder = folder;
        this.folderText = folder.toString();
        this.name = name;
        this.metadata = metadata;
        this.primaryIndex = primaryIndex;
        this.files = new ColumnFile[metadata.columns().size()];
        int granules = metadata.granules();
        this.granuleRows = new int[granules];
        this.granuleStarts = new long[granules + 1];
        if (!metadata.columns().isEmpty()) {
            ByteBuffer marks = marksOf(0);
            for (int g = 0; g < granules; g++) {
                granuleRows[g] = marks.getInt(g * PartWriter.MARK_BYTES + 12);
                granuleStarts[g + 1] = granuleStarts[g] + granuleRows[g];
            }
        }
    }

    public static DataPart open(Path folder) throws IOException {
        PartName name = PartName.parse(folder.getFileName().toString());
        if (name == null) {
            throw new ColumbaException(ErrorCode.INCORRECT_FILE_NAME, "Not a part folder: " + folder);
        }
        return open(folder, name);
    }

    /** Opens the part in {@code folder} as {@code name}, whatever the folder is called (a staged part's). */
    public static DataPart open(Path folder, PartName name) throws IOException {
        PartMetadata metadata = PartMetadata.read(folder);
        byte[] index = ChecksummedFile.read(folder.resolve("primary.idx"), PartWriter.INDEX_MAGIC, PartWriter.VERSION);
        List<Column> keyColumns = new ArrayList<>();
        int at = 0;
        int indexRows = metadata.granules() == 0 ? 0 : metadata.granules() + 1;
        for (DataType keyType : metadata.keyTypes()) {
            ValueCodec.Target target = new ValueCodec.Target(keyType, indexRows);
            at = ValueCodec.decode(index, at, indexRows, target);
            keyColumns.add(target.build());
        }
        return new DataPart(folder, name, metadata, new Block(indexRows, keyColumns));
    }

    public Path folder() {
        return folder;
    }

    public PartName name() {
        return name;
    }

    private final java.util.Map<String, java.util.Optional<io.columba.storage.index.IndexSummaries>> indexSummaries =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The summaries of a data skipping index in this part (read once, then kept), or null when the part was
     * written without them (before the index existed).
     */
    public io.columba.storage.index.IndexSummaries indexSummaries(io.columba.storage.index.SkipIndex index) {
        return indexSummaries
                .computeIfAbsent(index.name() + "\0" + index.kind(), key -> {
                    try {
                        return java.util.Optional.ofNullable(
                                io.columba.storage.index.IndexSummaries.read(folder, index));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException("cannot read index " + index.name() + " of " + name, e);
                    }
                })
                .orElse(null);
    }

    /** The earliest epoch second a row of this part expires at by the table's TTL; {@code Long.MAX_VALUE}: never. */
    public long ttlMin() {
        return metadata.ttlMin();
    }

    public long rowCount() {
        return metadata.rows();
    }

    public int granuleCount() {
        return metadata.granules();
    }

    public List<ColumnDefinition> columns() {
        return metadata.columns();
    }

    /** Key values of each granule's first row, plus the last row's key: {@code granules + 1} rows. */
    public Block primaryIndex() {
        return primaryIndex;
    }

    public int granuleRows(int granule) {
        return granuleRows[granule];
    }

    /** Rows in granules {@code [from, to)}. */
    public int rowsIn(int fromGranule, int toGranule) {
        return (int) (granuleStarts[toGranule] - granuleStarts[fromGranule]);
    }

    /** Bytes the column's files take on disk (compressed). */
    public long compressedBytes(int column) {
        return columnFile(column).data().limit();
    }

    /** Bytes the column's marks file takes on disk. */
    public long marksBytes(int column) {
        String base = PartWriter.fileName(metadata.columns().get(column).name());
        try {
            return java.nio.file.Files.size(folder.resolve(base + ".mrk"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes the column's values take once decompressed: the sum of its blocks' uncompressed sizes. */
    public long uncompressedBytes(int column) {
        ByteBuffer data = columnFile(column).data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long total = 0;
        // Blocks follow each other after the file header: Checksum UInt32, Method UInt8, CompressedSize UInt32 (from
        // Method on), UncompressedSize UInt32.
        for (int at = PartWriter.BIN_HEADER;
                at + io.columba.storage.codec.BlockCompressor.FRAME_OVERHEAD <= data.limit(); ) {
            int compressedSize = data.getInt(at + 5);
            total += Integer.toUnsignedLong(data.getInt(at + 9));
            if (compressedSize <= 0) {
                break;
            }
            at += 4 + compressedSize;
        }
        return total;
    }

    /**
     * The values of {@code column} in granules {@code [fromGranule, toGranule)}; for a column the part was written
     * without (added by ALTER TABLE later), the type's default value (NULL for Nullable) in every row.
     */
    public Column readOrDefault(ColumnDefinition column, int fromGranule, int toGranule) {
        int index = indexOf(column.name());
        return index >= 0
                ? read(index, fromGranule, toGranule)
                : io.columba.storage.column.ColumnBuilder.defaults(column.type(), rowsIn(fromGranule, toGranule));
    }

    /** The position of the column called {@code name} in this part, or -1 when the part was written without it. */
    private int indexOf(String name) {
        List<ColumnDefinition> columns = metadata.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Keeps the columns of {@code rows}, the rows this part was just written from, in memory until a merge reads
     * them with {@link #readWhole} (or the shared budget of {@link ResidentColumns} needs the room): only those that
     * read back from their encoding as exactly the same values. The caller must not change the vectors afterwards.
     */
    public void keepResident(Block rows) {
        List<ColumnDefinition> columns = metadata.columns();
        if (rows.columnCount() != columns.size() || rows.rowCount() != rowCount()) {
            return;
        }
        Column[] kept = new Column[columns.size()];
        for (int c = 0; c < kept.length; c++) {
            Column values = rows.column(c);
            if (values.size() == rows.rowCount()
                    && ValueCodec.readsBackAs(columns.get(c).type(), values)) {
                kept[c] = values;
            }
        }
        hold(kept);
    }

    /** Holds {@code columns} (null entries: none) if the shared budget has room for them. */
    private void hold(Column[] columns) {
        long bytes = 0;
        for (Column column : columns) {
            bytes += column == null ? 0 : ResidentColumns.sizeOf(column);
        }
        if (bytes > 0 && ResidentColumns.admit(this, bytes)) {
            resident = columns;
        }
    }

    /**
     * Holds what {@code staged}, the same part before it was published under another name, held in memory; {@code
     * staged} holds nothing after.
     */
    public void takeResident(DataPart staged) {
        Column[] held = staged.resident;
        staged.dropResident();
        if (held != null && held.length == metadata.columns().size()) {
            hold(held);
        }
    }

    /** Lets the columns {@link #keepResident} kept go (the part was merged away). */
    public void dropResident() {
        resident = null;
        ResidentColumns.release(this);
    }

    /** Called by {@link ResidentColumns} when it takes the room back. */
    void forgetResident() {
        resident = null;
    }

    /** Whether some column is held in memory (tests). */
    public boolean holdsResidentColumns() {
        return resident != null;
    }

    /**
     * All rows of {@code column}: what {@link #readOrDefault} reads over every granule, from memory when this part
     * still holds the column there. The column returned may be shared: callers must not change it.
     */
    public Column readWhole(ColumnDefinition column) {
        Column[] held = resident;
        int index = held == null ? -1 : indexOf(column.name());
        return index >= 0 && held[index] != null ? held[index] : readOrDefault(column, 0, granuleCount());
    }

    public Column read(int column, int fromGranule, int toGranule) {
        ColumnFile file = columnFile(column);
        DataType type = metadata.columns().get(column).type();
        ValueCodec.Target target = new ValueCodec.Target(type, rowsIn(fromGranule, toGranule));
        if (type.physicalType() == io.columba.storage.type.PhysicalType.BYTES && type.fixedWidth() == 0) {
            // Sized once from the blocks' uncompressed sizes (an upper bound of the string bytes): growing a buffer of
            // megabytes granule by granule copied it several times and allocated a humongous array each time.
            target.reserveStringBytes(uncompressedBytes(file, fromGranule, toGranule));
        }
        long cachedOffset = -1;
        byte[] block = null;
        String where = folderText + "/" + metadata.columns().get(column).name();
        for (int g = fromGranule; g < toGranule; g++) {
            long blockOffset = file.blockOffsets()[g];
            if (blockOffset != cachedOffset) {
                block = io.columba.storage.codec.BlockCompressor.decompress(file.data(), (int) blockOffset, where);
                cachedOffset = blockOffset;
            }
            ValueCodec.decode(block, file.offsetsInBlock()[g], granuleRows[g], target);
        }
        return target.build();
    }

    /**
     * A granule-by-granule reader of {@code column}, or null when this part does not hold it with exactly that type,
     * or the type is Nullable or not held as longs.
     */
    public LongGranuleReader longGranuleReader(ColumnDefinition column) {
        DataType type = column.type();
        if (type.physicalType() != io.columba.storage.type.PhysicalType.LONG || type.isNullable()) {
            return null;
        }
        List<ColumnDefinition> columns = metadata.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column.name())) {
                if (!columns.get(i).type().equals(type)) {
                    return null;
                }
                ColumnFile file = columnFile(i);
                return new LongGranuleReader(
                        file.data(),
                        file.blockOffsets(),
                        file.offsetsInBlock(),
                        granuleRows,
                        type,
                        folderText + "/" + column.name());
            }
        }
        return null;
    }

    /** The uncompressed sizes of the distinct blocks holding granules {@code [fromGranule, toGranule)}, summed. */
    private static int uncompressedBytes(ColumnFile file, int fromGranule, int toGranule) {
        long total = 0;
        long previous = -1;
        for (int g = fromGranule; g < toGranule; g++) {
            long offset = file.blockOffsets()[g];
            if (offset != previous
                    && offset + io.columba.storage.codec.BlockCompressor.FRAME_OVERHEAD
                            <= file.data().limit()) {
                int size = file.data().getInt((int) offset + 9);
                total += Integer.toUnsignedLong(
                        file.data().order() == ByteOrder.LITTLE_ENDIAN ? size : Integer.reverseBytes(size));
                previous = offset;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, total);
    }

    private ColumnFile columnFile(int column) {
        ColumnFile file = files[column];
        if (file != null) {
            return file;
        }
        synchronized (this) {
            if (files[column] == null) {
                files[column] = loadColumnFile(column);
            }
            return files[column];
        }
    }

    private ColumnFile loadColumnFile(int column) {
        String base = PartWriter.fileName(metadata.columns().get(column).name());
        try (FileChannel channel = FileChannel.open(folder.resolve(base + ".bin"), StandardOpenOption.READ)) {
            MappedByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            byte[] magic = new byte[4];
            data.get(0, magic);
            if (channel.size() < PartWriter.BIN_HEADER
                    || !new String(magic, StandardCharsets.US_ASCII).equals(PartWriter.BIN_MAGIC)) {
                throw new ColumbaException(ErrorCode.CANNOT_READ_ALL_DATA, "Corrupted column file " + base + ".bin");
            }
            ByteBuffer marks = marksOf(column);
            int granules = metadata.granules();
            long[] blockOffsets = new long[granules];
            int[] offsetsInBlock = new int[granules];
            for (int g = 0; g < granules; g++) {
                blockOffsets[g] = marks.getLong(g * PartWriter.MARK_BYTES);
                offsetsInBlock[g] = marks.getInt(g * PartWriter.MARK_BYTES + 8);
            }
            return new ColumnFile(data, blockOffsets, offsetsInBlock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ByteBuffer marksOf(int column) {
        String base = PartWriter.fileName(metadata.columns().get(column).name());
        try {
            byte[] marks =
                    ChecksummedFile.read(folder.resolve(base + ".mrk"), PartWriter.MARKS_MAGIC, PartWriter.VERSION);
            if (marks.length != metadata.granules() * PartWriter.MARK_BYTES) {
                throw new ColumbaException(ErrorCode.CANNOT_READ_ALL_DATA, "Wrong number of marks in " + base + ".mrk");
            }
            return ByteBuffer.wrap(marks).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name.toString();
    }
}
