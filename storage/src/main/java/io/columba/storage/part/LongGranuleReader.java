package io.columba.storage.part;

import io.columba.storage.codec.BlockCompressor;
import io.columba.storage.type.DataType;
import java.nio.ByteBuffer;

/**
 * Reads one column of integers, dates or date-times (not Nullable) of a part granule by granule into a caller's
 * buffer, decompressing each block once: a filter that needs the values only to compare them decodes a granule into
 * the same small array again and again instead of building a column of the whole range. Not thread-safe: one per
 * reading thread.
 */
public final class LongGranuleReader {
    private final ByteBuffer data;
    private final long[] blockOffsets;
    private final int[] offsetsInBlock;
    private final int[] granuleRows;
    private final DataType type;
    private final String where;
    private long cachedOffset = -1;
    private byte[] block;

    LongGranuleReader(
            ByteBuffer data,
            long[] blockOffsets,
            int[] offsetsInBlock,
            int[] granuleRows,
            DataType type,
            String where) {
        this.data = data;
        this.blockOffsets = blockOffsets;
        this.offsetsInBlock = offsetsInBlock;
        this.granuleRows = granuleRows;
        this.type = type;
        this.where = where;
    }

    /** Rows of granule {@code granule}. */
    public int rows(int granule) {
        return granuleRows[granule];
    }

    /** Decodes granule {@code granule} into {@code into} from index 0 (sized for {@link #rows}); returns its rows. */
    public int read(int granule, long[] into) {
        long offset = blockOffsets[granule];
        if (offset != cachedOffset) {
            block = BlockCompressor.decompress(data, (int) offset, where);
            cachedOffset = offset;
        }
        int rows = granuleRows[granule];
        ValueCodec.decodeLongs(block, offsetsInBlock[granule], rows, type.fixedWidth(), type.signedValues(), into, 0);
        return rows;
    }
}
