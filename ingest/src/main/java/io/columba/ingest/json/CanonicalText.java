package io.columba.ingest.json;

import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;

/**
 * The plain forms of values that a type's text conversion always accepts: integers of up to 18 digits, decimals
 * such as {@code -12.5}, and date-times written {@code YYYY-MM-DD hh:mm:ss} of a real date. Most values an
 * ingestion sees are written so; {@link RowConverter} checks only the others with the general conversion, which
 * would accept these too, just more slowly. Anything not recognized here is simply "not known to convert".
 */
final class CanonicalText {
    private static final int MAX_INTEGER_DIGITS = 18;
    private static final int MAX_DECIMAL_LENGTH = 40;
    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private CanonicalText() {}

    /** Whether the text conversion to {@code type} (Nullable and LowCardinality stripped) accepts {@code text}. */
    static boolean converts(DataType type, String text) {
        return switch (type.withoutLowCardinality().withoutNullable()) {
            case StringType ignored -> true;
            case IntegerType ignored -> isInteger(text);
            case FloatType ignored -> isDecimal(text);
            case DateTimeType ignored -> isDateTime(text);
            default -> false;
        };
    }

    /** {@code -?[0-9]{1,18}}: fits a long, so every integer type parses it (wrapping, as ClickHouse does). */
    static boolean isInteger(String text) {
        int start = !text.isEmpty() && text.charAt(0) == '-' ? 1 : 0;
        int digits = text.length() - start;
        return digits >= 1 && digits <= MAX_INTEGER_DIGITS && allDigits(text, start, text.length());
    }

    /** {@code -?[0-9]+(\.[0-9]+)?}, not too long. */
    static boolean isDecimal(String text) {
        if (text.length() > MAX_DECIMAL_LENGTH) {
            return false;
        }
        int start = !text.isEmpty() && text.charAt(0) == '-' ? 1 : 0;
        int dot = text.indexOf('.', start);
        if (dot < 0) {
            return text.length() > start && allDigits(text, start, text.length());
        }
        return dot > start
                && dot + 1 < text.length()
                && allDigits(text, start, dot)
                && allDigits(text, dot + 1, text.length());
    }

    /** {@code YYYY-MM-DD hh:mm:ss} with a month, day, hour, minute and second that exist. */
    static boolean isDateTime(String text) {
        if (text.length() != 19
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != ' '
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return false;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
            return false;
        }
        if (minute < 0 || minute > 59 || second < 0 || second > 59) {
            return false;
        }
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        int days = month == 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1];
        return day <= days;
    }

    /** The decimal number in {@code text[from, to)}, or -1 when it holds anything but digits. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }
}
