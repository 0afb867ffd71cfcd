package io.columba.executor.format;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;

/** Text of IPv4 and IPv6 addresses as ClickHouse prints and parses them. */
public final class NetworkText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private NetworkText() {}

    /** {@code a.b.c.d} of a UInt32 address. */
    public static String formatIPv4(long address) {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    /** The UInt32 of {@code a.b.c.d}, or -1 when the text is not an IPv4 address. */
    public static long tryParseIPv4(CharSequence text, int from, int to) {
        long address = 0;
        int octets = 0;
        int at = from;
        while (octets < 4) {
            int start = at;
            int value = 0;
            while (at < to && at - start < 3 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                value = value * 10 + (text.charAt(at) - '0');
                at++;
            }
            if (at == start || value > 255) {
                return -1;
            }
            address = (address << 8) | value;
            octets++;
            if (octets < 4) {
                if (at >= to || text.charAt(at) != '.') {
                    return -1;
                }
                at++;
            }
        }
        return at == to ? address : -1;
    }

    public static long parseIPv4(String text) {
        String value = text.strip();
        long address = tryParseIPv4(value, 0, value.length());
        if (address < 0) {
            throw new ColumbaException(ErrorCode.CANNOT_PARSE_IPV4, "Cannot parse IPv4 " + text);
        }
        return address;
    }

    /**
     * The text of 16 address bytes at {@code bytes[offset]}: lowercase groups, the longest run of two or more zero
     * groups written {@code ::}, and IPv4-mapped or IPv4-compatible addresses ending in dotted form.
     */
    public static String formatIPv6(byte[] bytes, int offset) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((bytes[offset + 2 * i] & 0xFF) << 8) | (bytes[offset + 2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && words[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(':');
                i += bestLength - 1;
                if (i == 7) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            boolean embeddedIPv4 =
                    i == 6 && bestStart == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF));
            if (embeddedIPv4) {
                long address = ((long) words[6] << 16) | words[7];
                out.append(formatIPv4(address));
                break;
            }
            appendHex(out, words[i]);
        }
        return out.toString();
    }

    private static void appendHex(StringBuilder out, int word) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int digit = (word >>> shift) & 0xF;
            if (digit != 0 || started || shift == 0) {
                out.append(HEX[digit]);
                started = true;
            }
        }
    }

    /** The 16 bytes of an IPv6 address, or of an IPv4 address as {@code ::ffff:a.b.c.d}; null if neither. */
    public static byte[] tryParseIPv6(String text) {
        String value = text.strip();
        long ipv4 = tryParseIPv4(value, 0, value.length());
        if (ipv4 >= 0) {
            return mapped(ipv4);
        }
        int[] words = new int[8];
        int count = 0;
        int gap = -1;
        int at = 0;
        int length = value.length();
        if (value.startsWith("::")) {
            gap = 0;
            at = 2;
        } else if (value.startsWith(":")) {
            return null;
        }
        while (at < length) {
            if (count >= 8) {
                return null;
            }
            int colon = value.indexOf(':', at);
            int end = colon < 0 ? length : colon;
            if (end == at) {
                return null;
            }
            if (colon < 0 && value.indexOf('.', at) >= 0) {
                long embedded = tryParseIPv4(value, at, end);
                if (embedded < 0 || count > 6) {
                    return null;
                }
                words[count++] = (int) (embedded >>> 16);
                words[count++] = (int) (embedded & 0xFFFF);
                at = end;
                break;
            }
            if (end - at > 4) {
                return null;
            }
            int word = 0;
            for (int i = at; i < end; i++) {
                int digit = Character.digit(value.charAt(i), 16);
                if (digit < 0) {
                    return null;
                }
                word = word * 16 + digit;
            }
            words[count++] = word;
            if (colon < 0) {
                at = length;
                break;
            }
            if (colon + 1 < length && value.charAt(colon + 1) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                at = colon + 2;
            } else {
                at = colon + 1;
                if (at == length) {
                    return null;
                }
            }
        }
        if (gap < 0 && count != 8 || gap >= 0 && count > 7) {
            return null;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = words;
        } else {
            System.arraycopy(words, 0, full, 0, gap);
            int tail = count - gap;
            System.arraycopy(words, gap, full, 8 - tail, tail);
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (full[i] >>> 8);
            out[2 * i + 1] = (byte) full[i];
        }
        return out;
    }

    public static byte[] parseIPv6(String text) {
        byte[] bytes = tryParseIPv6(text);
        if (bytes == null) {
            throw new ColumbaException(ErrorCode.CANNOT_PARSE_IPV6, "Cannot parse IPv6 " + text);
        }
        return bytes;
    }

    /** {@code ::ffff:a.b.c.d} of a UInt32 IPv4 address. */
    public static byte[] mapped(long ipv4) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xFF;
        out[11] = (byte) 0xFF;
        out[12] = (byte) (ipv4 >>> 24);
        out[13] = (byte) (ipv4 >>> 16);
        out[14] = (byte) (ipv4 >>> 8);
        out[15] = (byte) ipv4;
        return out;
    }
}
