package io.columba.ingest.parquet;

import com.fasterxml.jackson.core.JsonGenerator;
import io.columba.ingest.json.JsonValues;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;

/**
 * A Parquet file read as NDJSON, one record at a time: each record becomes one JSON object line (its fields by
 * name, see {@link ParquetValues} for the values), so that the NDJSON road maps it onto a data source (JSONPaths,
 * DEFAULTs, quarantine). Memory holds one row group's pages and one line, whatever the file size.
 */
public final class ParquetJsonStream extends InputStream {
    private final ParquetReader<Group> reader;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private final JsonGenerator out;
    private byte[] buffer = new byte[0];
    private int position;
    private int length;
    private boolean ended;

    private ParquetJsonStream(ParquetReader<Group> reader) throws IOException {
        this.reader = reader;
        this.out = JsonValues.MAPPER.createGenerator(line);
        this.out.setRootValueSeparator(null);
    }

    /**
     * Copies an uploaded stream into a new file in {@code folder} (Parquet is read from its footer, so it needs
     * the whole file); the caller deletes it.
     */
    public static Path spool(InputStream in, Path folder) throws IOException {
        java.nio.file.Files.createDirectories(folder);
        Path file = java.nio.file.Files.createTempFile(folder, "upload-", ".parquet");
        try {
            java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            java.nio.file.Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** Opens {@code file}; a file that is not Parquet is refused with {@code INCORRECT_DATA}. */
    public static ParquetJsonStream open(Path file) throws IOException {
        try {
            return new ParquetJsonStream(new GroupReaderBuilder(new LocalInputFile(file)).build());
        } catch (RuntimeException | IOException e) {
            throw new ColumbaException(ErrorCode.INCORRECT_DATA, "Cannot read the Parquet file: " + e.getMessage(), e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        while (position == length) {
            if (!nextLine()) {
                return -1;
            }
        }
        int copied = Math.min(count, length - position);
        System.arraycopy(buffer, position, into, offset, copied);
        position += copied;
        return copied;
    }

    private boolean nextLine() throws IOException {
        if (ended) {
            return false;
        }
        Group record;
        try {
            record = reader.read();
        } catch (RuntimeException e) {
            throw new ColumbaException(
                    ErrorCode.INCORRECT_DATA, "Cannot read a record of the Parquet file: " + e.getMessage(), e);
        }
        if (record == null) {
            ended = true;
            return false;
        }
        line.reset();
        ParquetValues.writeRecord(out, record);
        out.flush();
        line.write('\n');
        buffer = line.toByteArray();
        position = 0;
        length = buffer.length;
        return true;
    }

    @Override
    public void close() throws IOException {
        out.close();
        reader.close();
    }

    /** Reads records as {@link Group}s from a local file, without Hadoop's file system. */
    private static final class GroupReaderBuilder extends ParquetReader.Builder<Group> {
        GroupReaderBuilder(LocalInputFile file) {
            super(file, new PlainParquetConfiguration());
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
