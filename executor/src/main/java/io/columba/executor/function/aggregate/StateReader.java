package io.columba.executor.function.aggregate;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Reads a serialized aggregate state (little-endian numbers, VarUInt sizes), refusing to run past its end. */
public final class StateReader {
    private static final VarHandle LITTLE_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] data;
    private final int end;
    private int at;

    public StateReader(byte[] data, int offset, int length) {
        this.data = data;
        this.at = offset;
        this.end = offset + length;
    }

    private void need(int bytes) {
        if (bytes < 0 || end - at < bytes) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_READ_ALL_DATA, "Cannot read all data of an aggregate function state");
        }
    }

    public int readByte() {
        need(1);
        return data[at++] & 0xFF;
    }

    public long readLong() {
        need(8);
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (data[at + i] & 0xFFL);
        }
        at += 8;
        return value;
    }

    /** A little-endian UInt32. */
    public long readLong32() {
        need(4);
        long value = 0;
        for (int i = 3; i >= 0; i--) {
            value = (value << 8) | (data[at + i] & 0xFFL);
        }
        at += 4;
        return value;
    }

    /** {@code count} little-endian Int32s into {@code into[offset..offset + count)}. */
    public void readInts(int[] into, int offset, int count) {
        need(count * 4);
        for (int i = 0; i < count; i++) {
            into[offset + i] = (int) LITTLE_ENDIAN_INT.get(data, at + 4 * i);
        }
        at += count * 4;
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    public long readVarUInt() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new ColumbaException(ErrorCode.CANNOT_READ_ALL_DATA, "A VarUInt of an aggregate state is too long");
    }

    public byte[] readBytes(int length) {
        need(length);
        byte[] out = java.util.Arrays.copyOfRange(data, at, at + length);
        at += length;
        return out;
    }

    /** Whether the whole state was read; a longer one is corrupt. */
    public void expectEnd() {
        if (at != end) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_READ_ALL_DATA,
                    "An aggregate function state has " + (end - at) + " bytes more than its function reads");
        }
    }
}
