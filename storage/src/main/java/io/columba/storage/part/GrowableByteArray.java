package io.columba.storage.part;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** An append-only little-endian byte buffer that grows as needed; reused between blocks. */
public final class GrowableByteArray {
    static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private int length;

    public GrowableByteArray(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public void reset() {
        length = 0;
    }

    /** Drops the bytes from {@code newLength} on (room reserved and not all written). */
    public void truncate(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("cannot truncate " + length + " bytes to " + newLength);
        }
        length = newLength;
    }

    /** Makes room for {@code extra} more bytes without writing them (one copy instead of several doublings). */
    public void ensureCapacity(int extra) {
        int needed = length + extra;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }

    /** Makes room for {@code extra} more bytes and returns the offset to write at. */
    public int reserve(int extra) {
        int needed = length + extra;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
        int at = length;
        length = needed;
        return at;
    }

    public void writeByte(int value) {
        int at = reserve(1);
        bytes[at] = (byte) value;
    }

    public void writeShort(int value) {
        int at = reserve(2);
        SHORTS.set(bytes, at, (short) value);
    }

    public void writeInt(int value) {
        int at = reserve(4);
        INTS.set(bytes, at, value);
    }

    public void writeLong(long value) {
        int at = reserve(8);
        LONGS.set(bytes, at, value);
    }

    public void write(byte[] source, int offset, int count) {
        int at = reserve(count);
        System.arraycopy(source, offset, bytes, at, count);
    }

    /** LEB128, as ClickHouse's VarUInt. */
    public void writeVarUInt(long value) {
        while ((value & ~0x7FL) != 0) {
            writeByte((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        writeByte((int) value);
    }
}
