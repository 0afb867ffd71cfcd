package io.columba.executor.function.scalar;

import java.util.Arrays;

/** A growable byte buffer reused across rows, so a kernel builds each value without allocating. */
public final class ByteSink {
    private byte[] bytes = new byte[64];
    private int length;

    public void reset() {
        length = 0;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public void append(byte value) {
        ensure(1);
        bytes[length++] = value;
    }

    public void append(byte[] source, int from, int count) {
        ensure(count);
        System.arraycopy(source, from, bytes, length, count);
        length += count;
    }

    public void append(byte[] source) {
        append(source, 0, source.length);
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }
}
