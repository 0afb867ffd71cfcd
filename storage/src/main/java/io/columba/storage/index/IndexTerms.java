package io.columba.storage.index;

import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What bloom-filter indexes put in their filters: a whole value's bytes (bloom_filter), the tokens of a string
 * (tokenbf_v1: runs of ASCII letters, digits and bytes of 128 and above), or its n-grams (ngrambf_v1).
 */
public final class IndexTerms {
    private IndexTerms() {}

    /** The bytes that stand for row {@code row}'s value in a bloom_filter index. */
    public static byte[] valueBytes(Column column, int row) {
        Column plain = column instanceof ConstantColumn constant ? constant.value() : column;
        int at = plain == column ? row : 0;
        return switch (plain) {
            case LongColumn longs -> longBytes(longs.get(at));
            case DoubleColumn doubles -> longBytes(Double.doubleToLongBits(doubles.get(at) + 0.0));
            case StringColumn strings -> strings.getBytes(at);
            default -> throw new IllegalArgumentException("bloom filters index numbers and strings only");
        };
    }

    public static byte[] longBytes(long value) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    /** The tokens of a string: maximal runs of alphanumeric ASCII or non-ASCII bytes. */
    public static List<byte[]> tokens(byte[] text, int offset, int length) {
        List<byte[]> tokens = new ArrayList<>();
        int start = -1;
        for (int i = offset; i <= offset + length; i++) {
            boolean word = i < offset + length && isWordByte(text[i]);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                tokens.add(java.util.Arrays.copyOfRange(text, start, i));
                start = -1;
            }
        }
        return tokens;
    }

    /** Whether a byte belongs to a token: ASCII letters and digits, and every byte of 128 or more. */
    public static boolean isWordByte(byte b) {
        int c = b & 0xFF;
        return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The n-grams (of n bytes) of a string; a string shorter than n has none. */
    public static List<byte[]> ngrams(byte[] text, int offset, int length, int n) {
        List<byte[]> grams = new ArrayList<>();
        for (int i = offset; i + n <= offset + length; i++) {
            grams.add(java.util.Arrays.copyOfRange(text, i, i + n));
        }
        return grams;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
