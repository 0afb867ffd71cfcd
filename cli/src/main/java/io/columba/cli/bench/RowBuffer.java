package io.columba.cli.bench;

import java.util.Arrays;

/** A growable byte array that rows are written into: bytes, decimal numbers and separators, without Strings. */
final class RowBuffer {
    private static final byte[] LONG_MIN = HitsWorld.utf8(Long.toString(Long.MIN_VALUE));

    private byte[] bytes;
    private int length;

    RowBuffer(int capacity) {
        this.bytes = new byte[Math.max(16, capacity)];
    }

    int length() {
        return length;
    }

    byte[] bytes() {
        return bytes;
    }

    void clear() {
        length = 0;
    }

    RowBuffer put(byte[] value) {
        return put(value, 0, value.length);
    }

    RowBuffer put(byte[] value, int offset, int count) {
        ensure(count);
        System.arraycopy(value, offset, bytes, length, count);
        length += count;
        return this;
    }

    RowBuffer put(RowBuffer other) {
        return put(other.bytes, 0, other.length);
    }

    RowBuffer put(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
        return this;
    }

    RowBuffer tab() {
        return put('\t');
    }

    /** A two-digit number with a leading zero, 00..99. */
    RowBuffer putTwoDigits(int value) {
        ensure(2);
        bytes[length++] = (byte) ('0' + value / 10);
        bytes[length++] = (byte) ('0' + value % 10);
        return this;
    }

    RowBuffer put(long value) {
        if (value == Long.MIN_VALUE) {
            return put(LONG_MIN);
        }
        ensure(20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int position = length + digits;
        do {
            bytes[--position] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        length += digits;
        return this;
    }

    boolean contentEquals(byte[] value) {
        return Arrays.equals(bytes, 0, length, value, 0, value.length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
