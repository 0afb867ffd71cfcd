package io.columba.storage.part;

import io.columba.storage.block.Block;
import io.columba.storage.codec.BlockCompressor;
import io.columba.storage.codec.CodecChain;
import io.columba.storage.codec.CompressionMethod;
import io.columba.storage.column.Column;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.engine.TableSchema;
import io.columba.storage.index.IndexSummaries;
import io.columba.storage.index.SkipIndex;
import io.columba.storage.type.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes sorted rows as a new part: every file goes into {@code tmp_<name>}, all of them are fsynced at once
 * (concurrently, see {@link FileSync}) and the folder is then renamed into place, so a part is either complete or
 * absent.
 *
 * <pre>
 * part folder --> part.meta, primary.idx, (column.bin, column.mrk)^columns
 * column.bin  --> Magic "CLBN", Version UInt32, CompressedBlock^N   (see {@link BlockCompressor})
 * column.mrk  --> ChecksummedFile "CLMK" of Mark^granules
 * Mark        --> BlockOffset UInt64, OffsetInBlock UInt32, Rows UInt32
 * primary.idx --> ChecksummedFile "CLPK" of Granule^keys (see {@link ValueCodec}), each of granules + 1 rows:
 *                 the key of each granule's first row, then the key of the part's last row
 * </pre>
 *
 * A compressed block is closed only at a granule boundary, once it holds at least 64 KiB, so a mark can always
 * seek straight to its granule.
 */
public final class PartWriter {
    static final String BIN_MAGIC = "CLBN";
    static final String MARKS_MAGIC = "CLMK";
    static final String INDEX_MAGIC = "CLPK";
    static final int VERSION = 1;
    static final int BIN_HEADER = 8;
    static final int MARK_BYTES = 16;
    private static final int MIN_COMPRESS_BLOCK = 64 * 1024;

    private PartWriter() {}

    /** Writes {@code rows} (sorted by key) with their key values {@code keys} and returns the committed part. */
    public static DataPart write(
            Path tableFolder,
            PartName name,
            TableSchema schema,
            Block rows,
            Block keys,
            int granuleRows,
            CompressionMethod method)
            throws IOException {
        return write(tableFolder, name, schema, rows, keys, granuleRows, method, Long.MAX_VALUE);
    }

    /** As above, recording the earliest epoch second a row expires at ({@code Long.MAX_VALUE}: none does). */
    public static DataPart write(
            Path tableFolder,
            PartName name,
            TableSchema schema,
            Block rows,
            Block keys,
            int granuleRows,
            CompressionMethod method,
            long ttlMin)
            throws IOException {
        return write(
                tableFolder, name, schema, rows, keys, Granules.fixed(rows.rowCount(), granuleRows), method, ttlMin);
    }

    /** As above, with the granules starting at {@code granuleStarts} (see {@link Granules}). */
    public static DataPart write(
            Path tableFolder,
            PartName name,
            TableSchema schema,
            Block rows,
            Block keys,
            int[] granuleStarts,
            CompressionMethod method,
            long ttlMin)
            throws IOException {
        return written(tableFolder, name, schema, rows, keys, granuleStarts, method)
                .commit(schema, keys, ttlMin);
    }

    /**
     * Writes a part as {@link #write(Path, PartName, TableSchema, Block, Block, int[], CompressionMethod, long)}
     * does but leaves it in its {@code tmp_<name>} folder, synced and readable, for {@link #publish} to rename into
     * place later (as another name, when its blocks are numbered at publication).
     */
    public static DataPart stage(
            Path tableFolder,
            PartName name,
            TableSchema schema,
            Block rows,
            Block keys,
            int[] granuleStarts,
            CompressionMethod method,
            long ttlMin)
            throws IOException {
        return written(tableFolder, name, schema, rows, keys, granuleStarts, method)
                .stage(schema, keys, ttlMin);
    }

    /** Renames a staged part's folder to {@code name}'s (the caller syncs the table folder). */
    public static Path publish(Path tableFolder, DataPart staged, PartName name) throws IOException {
        Path target = tableFolder.resolve(name.toString());
        Files.move(staged.folder(), target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static Columns written(
            Path tableFolder,
            PartName name,
            TableSchema schema,
            Block rows,
            Block keys,
            int[] granuleStarts,
            CompressionMethod method)
            throws IOException {
        Columns writer = new Columns(tableFolder, name, granuleStarts, method);
        List<ColumnDefinition> columns = schema.columns();
        for (int c = 0; c < columns.size(); c++) {
            writer.write(columns.get(c), rows.column(c));
        }
        for (SkipIndex index : schema.indexes()) {
            writer.writeIndex(index, index.expression().evaluate(rows));
        }
        return writer;
    }

    /**
     * A part written one column at a time (a vertical merge holds one column in memory, not the whole part):
     * {@link #write} each column of the schema in order, then {@link #commit}.
     */
    public static final class Columns {
        private final Path tableFolder;
        private final PartName name;
        private final Path temporary;
        private final int rows;
        private final int[] granuleStarts;
        private final CompressionMethod method;
        private final BlockCompressor compressor;
        private final GrowableByteArray pending = new GrowableByteArray(MIN_COMPRESS_BLOCK * 2);

        public Columns(Path tableFolder, PartName name, int rows, int granuleRows, CompressionMethod method)
                throws IOException {
            this(tableFolder, name, Granules.fixed(rows, granuleRows), method);
        }

        /** A part whose granules start at {@code granuleStarts} (first rows, then the row count). */
        public Columns(Path tableFolder, PartName name, int[] granuleStarts, CompressionMethod method)
                throws IOException {
            this.tableFolder = tableFolder;
            this.name = name;
            this.temporary = tableFolder.resolve("tmp_" + name);
            this.rows = granuleStarts[granuleStarts.length - 1];
            this.granuleStarts = granuleStarts.clone();
            this.method = method;
            this.compressor = new BlockCompressor(method, 1);
            Files.createDirectories(temporary);
        }

        /** Writes all rows of one column. */
        public void write(ColumnDefinition column, Column values) throws IOException {
            BlockCompressor columnCompressor =
                    column.codec().equals(CodecChain.DEFAULT) ? compressor : new BlockCompressor(column.codec());
            writeColumn(temporary, column, values, granuleStarts, columnCompressor, pending);
        }

        /** Writes the summaries of a data skipping index from its expression's values over the part's rows. */
        public void writeIndex(SkipIndex index, Column values) throws IOException {
            IndexSummaries.write(temporary, index, values, granuleStarts);
        }

        /**
         * Writes the index and metadata, syncs, waits for the thread's {@link CommitBarrier}, then renames the folder
         * into place: the part exists from here on.
         */
        public DataPart commit(TableSchema schema, Block keys) throws IOException {
            return commit(schema, keys, Long.MAX_VALUE);
        }

        /** As {@link #commit(TableSchema, Block)}, recording the earliest expiry of the part's rows. */
        public DataPart commit(TableSchema schema, Block keys, long ttlMin) throws IOException {
            finish(schema, keys, ttlMin);
            CommitBarrier.await();
            Path target = tableFolder.resolve(name.toString());
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(tableFolder);
            return DataPart.open(target);
        }

        /** Writes the index and metadata and syncs, leaving the part in its temporary folder. */
        public DataPart stage(TableSchema schema, Block keys, long ttlMin) throws IOException {
            finish(schema, keys, ttlMin);
            return DataPart.open(temporary, name);
        }

        private void finish(TableSchema schema, Block keys, long ttlMin) throws IOException {
            int granules = granuleStarts.length - 1;
            writePrimaryIndex(temporary, schema.keyTypes(), keys, granuleStarts);
            new PartMetadata(rows, granules, method.name(), schema.columns(), schema.keyTypes(), ttlMin)
                    .write(temporary);
            FileSync.syncFolderAndFiles(temporary);
        }
    }

    private static void writeColumn(
            Path folder,
            ColumnDefinition column,
            Column values,
            int[] granuleStarts,
            BlockCompressor compressor,
            GrowableByteArray pending)
            throws IOException {
        String fileName = fileName(column.name());
        GrowableByteArray marks = new GrowableByteArray(64);
        pending.reset();
        try (FileChannel bin = FileChannel.open(
                folder.resolve(fileName + ".bin"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(BIN_HEADER).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            header.put(BIN_MAGIC.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .putInt(VERSION)
                    .flip();
            ChecksummedFile.writeFully(bin, header);
            long fileOffset = BIN_HEADER;
            int total = granuleStarts[granuleStarts.length - 1];
            for (int g = 0; g + 1 < granuleStarts.length; g++) {
                int from = granuleStarts[g];
                int to = granuleStarts[g + 1];
                marks.writeLong(fileOffset);
                marks.writeInt(pending.length());
                marks.writeInt(to - from);
                ValueCodec.encode(column.type(), values, from, to, pending);
                if (pending.length() >= MIN_COMPRESS_BLOCK || to == total) {
                    ByteBuffer frame = compressor.frame(pending.bytes(), pending.length());
                    fileOffset += frame.remaining();
                    ChecksummedFile.writeFully(bin, frame);
                    pending.reset();
                }
            }
        }
        ChecksummedFile.write(
                folder.resolve(fileName + ".mrk"), MARKS_MAGIC, VERSION, marks.bytes(), marks.length(), false);
    }

    private static void writePrimaryIndex(Path folder, List<DataType> keyTypes, Block keys, int[] granuleStarts)
            throws IOException {
        int granules = granuleStarts.length - 1;
        GrowableByteArray index = new GrowableByteArray(64);
        if (keys.rowCount() == 0) {
            ChecksummedFile.write(folder.resolve("primary.idx"), INDEX_MAGIC, VERSION, index.bytes(), 0, false);
            return;
        }
        int[] positions = new int[granules + 1];
        System.arraycopy(granuleStarts, 0, positions, 0, granules);
        positions[granules] = Math.max(0, keys.rowCount() - 1);
        for (int k = 0; k < keyTypes.size(); k++) {
            var sampled = keys.column(k).take(positions, granules + 1);
            ValueCodec.encode(keyTypes.get(k), sampled, 0, granules + 1, index);
        }
        ChecksummedFile.write(
                folder.resolve("primary.idx"), INDEX_MAGIC, VERSION, index.bytes(), index.length(), false);
    }

    /** A column name made safe as a file name: bytes outside [A-Za-z0-9_] become %XX. */
    static String fileName(String columnName) {
        StringBuilder name = new StringBuilder();
        for (byte b : columnName.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                name.append(c);
            } else {
                name.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return name.toString();
    }

    /** Fsyncs a folder, so that files created or renamed in it stay after a crash. */
    public static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
