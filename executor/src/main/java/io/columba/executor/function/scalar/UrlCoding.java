package io.columba.executor.function.scalar;

import io.columba.storage.column.StringColumnBuilder;

/** Percent-encoding of URL components as ClickHouse writes and reads it, and path segment scanning. */
final class UrlCoding {
    private UrlCoding() {}

    private static final byte[] DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'
    };

    static void decode(byte[] data, int from, int to, boolean plusAsSpace, StringColumnBuilder out) {
        byte[] result = new byte[to - from];
        int at = 0;
        for (int i = from; i < to; i++) {
            byte c = data[i];
            if (c == '%' && i + 2 < to && hex(data[i + 1]) >= 0 && hex(data[i + 2]) >= 0) {
                result[at++] = (byte) (hex(data[i + 1]) * 16 + hex(data[i + 2]));
                i += 2;
            } else {
                result[at++] = plusAsSpace && c == '+' ? (byte) ' ' : c;
            }
        }
        out.append(result, 0, at);
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static void encode(byte[] data, int from, int to, boolean spaceAsPlus, StringColumnBuilder out) {
        ByteSink result = new ByteSink();
        for (int i = from; i < to; i++) {
            byte c = data[i];
            if (Urls.isAlphaNumeric(c) || c == '-' || c == '.' || c == '_' || c == '~') {
                result.append(c);
            } else if (spaceAsPlus && c == ' ') {
                result.append((byte) '+');
            } else {
                result.append((byte) '%');
                result.append(DIGITS[(c >> 4) & 15]);
                result.append(DIGITS[c & 15]);
            }
        }
        out.append(result.bytes(), 0, result.length());
    }

    static boolean isSeparator(byte c) {
        return c == '/' || c == '?' || c == '#';
    }

    /** The position after the next '/', '?' or '#' from {@code pos}, or {@code end}. */
    static int afterSegment(byte[] data, int pos, int end) {
        while (pos < end && !isSeparator(data[pos])) {
            pos++;
        }
        return pos < end ? pos + 1 : pos;
    }
}
