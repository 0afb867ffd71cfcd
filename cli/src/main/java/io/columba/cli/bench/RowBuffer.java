package io.columba.cli.bench;

import java.util.Arrays;

/** A growable byte array that rows are written into: bytes, decimal numbers and separators, without Strings. */
final class RowBuffer {
    private static final byte[] LONG_MIN = HitsWorld.utf8(Long.toString(Long.MIN_VALUE));
    /** 10^0 .. 10^18: a number below 10^d has at most d digits. */
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

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
        while (digits < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[digits]) {
            digits++;
        }
        int position = length + digits;
        length = position;
        while (value >= 100) { // two digits per division
            long quotient = value / 100;
            int pair = (int) (value - quotient * 100);
            bytes[--position] = (byte) ('0' + pair % 10);
            bytes[--position] = (byte) ('0' + pair / 10);
            value = quotient;
        }
        bytes[--position] = (byte) ('0' + value % 10);
        if (value >= 10) {
            bytes[--position] = (byte) ('0' + value / 10);
        }
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
