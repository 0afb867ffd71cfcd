package io.columba.storage.part;

import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a part holds, kept in {@code part.meta} (a {@link ChecksummedFile} with magic {@code CLPT}).
 *
 * <pre>
 * Payload --> Line^N, UTF-8 text, one "key=value" per line:
 *   rows=UInt64, granules=UInt32, codec=LZ4|ZSTD|NONE,
 *   column=Type TAB name   (one line per column, in table order),
 *   key=Type               (one line per primary key expression, in key order),
 *   ttl_min=Int64          (the earliest epoch second a row of the part expires; absent when none does)
 * </pre>
 */
public record PartMetadata(
        long rows, int granules, String codec, List<ColumnDefinition> columns, List<DataType> keyTypes, long ttlMin) {
    static final String FILE = "part.meta";
    static final String MAGIC = "CLPT";
    static final int VERSION = 1;

    void write(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("rows=").append(rows).append('\n');
        text.append("granules=").append(granules).append('\n');
        text.append("codec=").append(codec).append('\n');
        for (ColumnDefinition column : columns) {
            text.append("column=")
                    .append(column.type().name())
                    .append('\t')
                    .append(column.name())
                    .append('\n');
        }
        for (DataType keyType : keyTypes) {
            text.append("key=").append(keyType.name()).append('\n');
        }
        if (ttlMin != Long.MAX_VALUE) {
            text.append("ttl_min=").append(ttlMin).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        ChecksummedFile.write(folder.resolve(FILE), MAGIC, VERSION, bytes, bytes.length, false);
    }

    static PartMetadata read(Path folder) throws IOException {
        String text = new String(ChecksummedFile.read(folder.resolve(FILE), MAGIC, VERSION), StandardCharsets.UTF_8);
        long rows = -1;
        int granules = -1;
        String codec = "LZ4";
        List<ColumnDefinition> columns = new ArrayList<>();
        List<DataType> keyTypes = new ArrayList<>();
        long ttlMin = Long.MAX_VALUE;
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = line.substring(0, equals);
            String value = line.substring(equals + 1);
            switch (key) {
                case "rows" -> rows = Long.parseLong(value);
                case "granules" -> granules = Integer.parseInt(value);
                case "codec" -> codec = value;
                case "column" -> {
                    int tab = value.indexOf('\t');
                    columns.add(new ColumnDefinition(
                            value.substring(tab + 1), DataTypeParser.parse(value.substring(0, tab))));
                }
                case "key" -> keyTypes.add(DataTypeParser.parse(value));
                case "ttl_min" -> ttlMin = Long.parseLong(value);
                default -> {
                    // Keys written by a newer minor version are ignored.
                }
            }
        }
        if (rows < 0 || granules < 0) {
            throw new ColumbaException(ErrorCode.CANNOT_READ_ALL_DATA, "Part metadata without rows in " + folder);
        }
        return new PartMetadata(rows, granules, codec, columns, keyTypes, ttlMin);
    }
}
