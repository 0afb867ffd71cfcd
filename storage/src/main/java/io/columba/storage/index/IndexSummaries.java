package io.columba.storage.index;

import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.ValueEquality;
import io.columba.storage.column.ValueOrder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.ChecksummedFile;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.part.ValueCodec;
import io.columba.storage.type.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The summaries of one skip index in one part, one per {@code granularity} granules (whatever their rows), written
 * when the part is.
 *
 * <pre>
 * skp_idx_NAME.idx --> ChecksummedFile "CLSK" of Kind UInt8, Count VarUInt, Entry^Count
 * Entry (minmax)    --> Present UInt8, then if 1: Granule of 2 values (min, max) of the type without Nullable
 * Entry (set)       --> Exact UInt8, then if 1: Size VarUInt, Granule of Size values
 * Entry (bloom)     --> Words VarUInt, UInt64^Words (little-endian)
 * </pre>
 *
 * @param kind the index kind
 * @param entries one summary per {@code granularity} granules, in row order
 */
public record IndexSummaries(SkipIndex.Kind kind, List<Summary> entries) {
    static final String MAGIC = "CLSK";
    static final int VERSION = 1;

    /** What one entry knows of its rows' values. */
    public sealed interface Summary permits MinMax, ValueSet, Bloom {}

    /** The smallest and largest non-NULL value (a 2-row column), or null when every value was NULL. */
    public record MinMax(Column bounds) implements Summary {}

    /** Every distinct value, or null values when there were more than the index keeps. */
    public record ValueSet(Column values) implements Summary {}

    public record Bloom(BloomFilter filter) implements Summary {}

    /** Builds and writes the summaries of {@code values} (a part's rows of the index expression). */
    public static void write(Path partFolder, SkipIndex index, Column values, int[] granuleStarts) throws IOException {
        int granules = granuleStarts.length - 1;
        GrowableByteArray out = new GrowableByteArray(256);
        out.writeByte(index.kind().ordinal());
        int count = (int) (((long) granules + index.granularity() - 1) / index.granularity());
        out.writeVarUInt(count);
        DataType plain = index.type().withoutNullable();
        Column materialized = values.materialize();
        for (int entry = 0; entry < count; entry++) {
            int from = granuleStarts[entry * index.granularity()];
            int to = granuleStarts[(int) Math.min(granules, (long) (entry + 1) * index.granularity())];
            switch (index.kind()) {
                case MINMAX -> writeMinMax(materialized, from, to, plain, out);
                case SET -> writeSet(materialized, from, to, plain, setLimit(index), out);
                default -> {
                    BloomFilter filter = BloomSummaries.build(index, materialized, from, to);
                    out.writeVarUInt(filter.words().length);
                    for (long word : filter.words()) {
                        out.writeLong(word);
                    }
                }
            }
        }
        ChecksummedFile.write(partFolder.resolve(index.fileName()), MAGIC, VERSION, out.bytes(), out.length(), false);
    }

    private static int setLimit(SkipIndex index) {
        return index.parameters().isEmpty()
                ? 0
                : (int) (double) index.parameters().get(0);
    }

    private static void writeMinMax(Column values, int from, int to, DataType plain, GrowableByteArray out) {
        int min = -1;
        int max = -1;
        for (int row = from; row < to; row++) {
            if (values.isNull(row) || isNaN(values, row)) {
                continue;
            }
            if (min < 0 || ValueOrder.compare(values, row, values, min, plain) < 0) {
                min = row;
            }
            if (max < 0 || ValueOrder.compare(values, row, values, max, plain) > 0) {
                max = row;
            }
        }
        out.writeByte(min < 0 ? 0 : 1);
        if (min >= 0) {
            Column bounds = values.take(new int[] {min, max}, 2);
            ValueCodec.encode(plain, withoutNulls(bounds, plain), 0, 2, out);
        }
    }

    private static boolean isNaN(Column values, int row) {
        return values instanceof io.columba.storage.column.DoubleColumn doubles && Double.isNaN(doubles.get(row));
    }

    private static Column withoutNulls(Column column, DataType plain) {
        ColumnBuilder builder = ColumnBuilder.forType(plain, column.size());
        for (int row = 0; row < column.size(); row++) {
            builder.appendFrom(column, row);
        }
        return builder.build();
    }

    private static void writeSet(Column values, int from, int to, DataType plain, int limit, GrowableByteArray out) {
        List<Integer> distinct = new ArrayList<>();
        for (int row = from; row < to; row++) {
            if (values.isNull(row)) {
                continue;
            }
            boolean seen = false;
            for (int other : distinct) {
                if (ValueEquality.equal(values, row, values, other)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                distinct.add(row);
                if (limit > 0 && distinct.size() > limit) {
                    out.writeByte(0);
                    return;
                }
            }
        }
        out.writeByte(1);
        out.writeVarUInt(distinct.size());
        int[] rows = distinct.stream().mapToInt(Integer::intValue).toArray();
        ValueCodec.encode(plain, withoutNulls(values.take(rows, rows.length), plain), 0, rows.length, out);
    }

    /** Reads the summaries of {@code index} in a part folder, or null when the part was written without them. */
    public static IndexSummaries read(Path partFolder, SkipIndex index) throws IOException {
        Path file = partFolder.resolve(index.fileName());
        if (!java.nio.file.Files.exists(file)) {
            return null;
        }
        byte[] data = ChecksummedFile.read(file, MAGIC, VERSION);
        Reader in = new Reader(data);
        SkipIndex.Kind kind = SkipIndex.Kind.values()[in.readByte()];
        if (kind != index.kind()) {
            return null;
        }
        int count = (int) in.varUInt();
        DataType plain = index.type().withoutNullable();
        List<Summary> entries = new ArrayList<>(count);
        for (int entry = 0; entry < count; entry++) {
            entries.add(
                    switch (kind) {
                        case MINMAX -> new MinMax(in.readByte() == 0 ? null : in.values(plain, 2));
                        case SET -> new ValueSet(in.readByte() == 0 ? null : in.values(plain, (int) in.varUInt()));
                        default -> {
                            long[] words = new long[(int) in.varUInt()];
                            for (int w = 0; w < words.length; w++) {
                                words[w] = in.readLong();
                            }
                            yield new Bloom(BloomSummaries.filterOf(index, words));
                        }
                    });
        }
        return new IndexSummaries(kind, entries);
    }

    /** A cursor over an index file's bytes. */
    private static final class Reader {
        private final byte[] data;
        private int at;

        Reader(byte[] data) {
            this.data = data;
        }

        int readByte() {
            check(1);
            return data[at++] & 0xFF;
        }

        long readLong() {
            check(8);
            long value = 0;
            for (int i = 7; i >= 0; i--) {
                value = (value << 8) | (data[at + i] & 0xFFL);
            }
            at += 8;
            return value;
        }

        long varUInt() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readByte();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw corrupt();
        }

        Column values(DataType type, int count) {
            ValueCodec.Target target = new ValueCodec.Target(type, count);
            at = ValueCodec.decode(data, at, count, target);
            return target.build();
        }

        private void check(int bytes) {
            if (data.length - at < bytes) {
                throw corrupt();
            }
        }

        private static ColumbaException corrupt() {
            return new ColumbaException(ErrorCode.CANNOT_READ_ALL_DATA, "Corrupt skip index file");
        }
    }
}
