package io.columba.executor.format;

/**
 * How many terminal columns UTF-8 text takes, as ClickHouse's {@code UTF8::computeWidth} counts them for the Pretty
 * formats: East Asian wide and fullwidth characters take two, control characters, combining marks, zero-width and
 * unassigned code points and invalid bytes none, a tab reaches the next multiple of eight counted from
 * {@code prefix} (where the value starts on the line), anything else one. Emoji that Unicode 9 widened count one,
 * as in ClickHouse's table.
 */
final class DisplayWidth {
    private DisplayWidth() {}

    static int of(byte[] data, int from, int to, int prefix) {
        int width = 0;
        int at = from;
        while (at < to) {
            int lead = data[at] & 0xFF;
            if (lead < 0x80) {
                width += lead == '\t' ? 8 - (prefix + width) % 8 : (lead < 0x20 || lead == 0x7F ? 0 : 1);
                at++;
                continue;
            }
            int length = lead >= 0xF5 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
            int codePoint = length == 0 ? -1 : decode(data, at, to, length);
            if (codePoint < 0) {
                at++; // an invalid byte shows nothing; what follows it is read again
                continue;
            }
            width += codePointWidth(codePoint);
            at += length;
        }
        return width;
    }

    /** The code point of a {@code length}-byte sequence at {@code at}, or -1 when it is not valid UTF-8. */
    private static int decode(byte[] data, int at, int to, int length) {
        if (at + length > to || length > 4) {
            return -1;
        }
        int codePoint = data[at] & (0x7F >> length);
        for (int i = 1; i < length; i++) {
            int next = data[at + i] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                return -1;
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        boolean overlong = (length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000);
        boolean surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
        return overlong || surrogate || codePoint > 0x10FFFF ? -1 : codePoint;
    }

    static int codePointWidth(int codePoint) {
        if (codePoint < 0xA0) {
            return codePoint < 0x20 || codePoint >= 0x7F ? 0 : 1;
        }
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.UNASSIGNED
                || (type == Character.FORMAT && codePoint != 0xAD)) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F)
                || c == 0x2329
                || c == 0x232A
                || (c >= 0x2E80 && c <= 0x303E)
                || (c >= 0x3041 && c <= 0x33FF)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0xA000 && c <= 0xA4CF)
                || (c >= 0xA960 && c <= 0xA97F)
                || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0xFE10 && c <= 0xFE19)
                || (c >= 0xFE30 && c <= 0xFE6F)
                || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6)
                || (c >= 0x17000 && c <= 0x18AFF)
                || (c >= 0x1B000 && c <= 0x1B2FF)
                || (c >= 0x20000 && c <= 0x2FFFD)
                || (c >= 0x30000 && c <= 0x3FFFD);
    }
}
