package io.columba.executor.format;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;

/**
 * Text of UUIDs: {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} in lowercase, parsed with or without dashes. The held
 * bytes put the text's second half first (see {@code UuidType}).
 */
public final class UuidText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private UuidText() {}

    public static String format(byte[] bytes, int offset) {
        char[] out = new char[36];
        int at = 0;
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out[at++] = '-';
            }
            byte held = bytes[offset + (i ^ 8)];
            out[at++] = HEX[(held >>> 4) & 0xF];
            out[at++] = HEX[held & 0xF];
        }
        return new String(out);
    }

    public static byte[] parse(String text) {
        String value = text.strip();
        boolean dashed = value.length() == 36;
        if (!dashed && value.length() != 32) {
            throw invalid(text);
        }
        byte[] out = new byte[16];
        int at = 0;
        for (int i = 0; i < 16; i++) {
            if (dashed && (i == 4 || i == 6 || i == 8 || i == 10)) {
                if (value.charAt(at) != '-') {
                    throw invalid(text);
                }
                at++;
            }
            int high = Character.digit(value.charAt(at++), 16);
            int low = Character.digit(value.charAt(at++), 16);
            if (high < 0 || low < 0) {
                throw invalid(text);
            }
            out[i ^ 8] = (byte) (high << 4 | low);
        }
        return out;
    }

    private static ColumbaException invalid(String text) {
        return new ColumbaException(ErrorCode.CANNOT_PARSE_UUID, "Cannot parse uuid " + text);
    }
}
