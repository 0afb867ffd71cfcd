package io.columba.executor.function.scalar;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * parseDateTimeBestEffort's reader: ISO 8601, RFC 1123, YYYYMMDD[hhmmss], unix timestamps, day-first numeric dates
 * (month-first for the US variant), month and weekday names, AM/PM and time zone offsets.
 */
final class BestEffortDateTime {
    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };
    private static final String[] WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    private final String text;
    private final boolean monthFirst;
    private int pos;
    private int year = -1;
    private int month = -1;
    private int day = -1;
    private int hour = -1;
    private int minute;
    private int second;
    private Integer offsetSeconds;
    private boolean pm;
    private boolean am;

    private BestEffortDateTime(String text, boolean monthFirst) {
        this.text = text;
        this.monthFirst = monthFirst;
    }

    /** Epoch seconds of the text read in {@code zone} unless it names an offset; an error when unreadable. */
    static long parse(String text, ZoneId zone, boolean monthFirst) {
        BestEffortDateTime reader = new BestEffortDateTime(text.strip(), monthFirst);
        Long unix = reader.read();
        if (unix != null) {
            return unix;
        }
        return reader.resolve(zone);
    }

    private ColumbaException error(String why) {
        return new ColumbaException(
                ErrorCode.CANNOT_PARSE_DATETIME, "Cannot read DateTime from '" + text + "': " + why);
    }

    private Long read() {
        if (text.isEmpty()) {
            throw error("empty string");
        }
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isDigit(c)) {
                Long unix = number();
                if (unix != null) {
                    return unix;
                }
            } else if (Character.isLetter(c)) {
                word();
            } else if ((c == '+' || c == '-') && hour >= 0) {
                pos++;
                offset(c == '-');
            } else if (c == ' ' || c == ',' || c == '/' || c == '-' || c == '.' || c == '\t') {
                pos++;
            } else {
                throw error("unexpected character");
            }
        }
        return null;
    }

    private int digitsFrom(int start) {
        int end = start;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private int take(int count) {
        int value = Integer.parseInt(text.substring(pos, pos + count));
        pos += count;
        return value;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private Long number() {
        int length = digitsFrom(pos) - pos;
        if (length == 10 && year < 0 && hour < 0 && pos == 0 && digitsFrom(pos) == text.length()) {
            return Long.parseLong(text);
        }
        switch (length) {
            case 14 -> {
                year = take(4);
                month = take(2);
                day = take(2);
                hour = take(2);
                minute = take(2);
                second = take(2);
            }
            case 8 -> {
                year = take(4);
                month = take(2);
                day = take(2);
            }
            case 6 -> {
                if (year >= 0) {
                    hour = take(2);
                    minute = take(2);
                    second = take(2);
                } else {
                    year = take(4);
                    month = take(2);
                    day = 1;
                }
            }
            case 4 -> yearFirst();
            case 1, 2 -> shortNumber();
            default -> throw error("unexpected number of digits");
        }
        return null;
    }

    private void yearFirst() {
        year = take(4);
        char separator = peek();
        if ((separator == '-' || separator == '/' || separator == '.')
                && pos + 1 < text.length()
                && Character.isDigit(text.charAt(pos + 1))) {
            pos++;
            int end = digitsFrom(pos);
            month = take(Math.min(2, end - pos));
            if (peek() == separator && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
                pos++;
                end = digitsFrom(pos);
                day = take(Math.min(2, end - pos));
            } else {
                day = 1;
            }
        }
    }

    private void shortNumber() {
        int end = digitsFrom(pos);
        int value = take(end - pos);
        char next = peek();
        if (next == ':') {
            time(value);
            return;
        }
        if ((next == '/' || next == '.' || next == '-')
                && year < 0
                && day < 0
                && pos + 1 < text.length()
                && Character.isDigit(text.charAt(pos + 1))) {
            pos++;
            int second = take(Math.min(2, digitsFrom(pos) - pos));
            day = monthFirst ? second : value;
            month = monthFirst ? value : second;
            if (peek() == next && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
                pos++;
                int yearDigits = digitsFrom(pos) - pos;
                int parsed = take(yearDigits);
                year = yearDigits == 2 ? 2000 + parsed : parsed;
            }
            return;
        }
        if (day < 0) {
            day = value;
        } else {
            throw error("unexpected number");
        }
    }

    private void time(int hours) {
        hour = hours;
        pos++;
        minute = take(Math.min(2, digitsFrom(pos) - pos));
        if (peek() == ':') {
            pos++;
            second = take(Math.min(2, digitsFrom(pos) - pos));
            if (peek() == '.' || peek() == ',') {
                pos = digitsFrom(pos + 1);
            }
        }
    }

    private void word() {
        int end = pos;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String word = text.substring(pos, end).toLowerCase(Locale.ROOT);
        pos = end;
        if (word.equals("t") || word.equals("at")) {
            return;
        }
        if (word.equals("z") || word.equals("utc") || word.equals("gmt") || word.equals("ut")) {
            offsetSeconds = 0;
            return;
        }
        if (word.equals("am") || word.equals("pm")) {
            am = word.equals("am");
            pm = word.equals("pm");
            return;
        }
        if (word.length() >= 3) {
            for (int m = 0; m < 12; m++) {
                if (word.startsWith(MONTHS[m])) {
                    month = m + 1;
                    return;
                }
            }
            for (String weekday : WEEKDAYS) {
                if (word.startsWith(weekday)) {
                    return;
                }
            }
        }
        throw error("unexpected word");
    }

    private void offset(boolean negative) {
        int end = digitsFrom(pos);
        int hours;
        int minutes = 0;
        if (end - pos == 4) {
            hours = take(2);
            minutes = take(2);
        } else {
            hours = take(Math.min(2, end - pos));
            if (peek() == ':') {
                pos++;
                minutes = take(Math.min(2, digitsFrom(pos) - pos));
            }
        }
        int total = hours * 3600 + minutes * 60;
        offsetSeconds = negative ? -total : total;
    }

    private long resolve(ZoneId zone) {
        if (year < 0) {
            year = LocalDate.now(zone).getYear();
        }
        if (month < 0) {
            month = 1;
        }
        if (day < 0) {
            day = 1;
        }
        int hours = Math.max(hour, 0);
        if (pm && hours < 12) {
            hours += 12;
        } else if (am && hours == 12) {
            hours = 0;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hours, minute, second);
            if (offsetSeconds != null) {
                return local.toEpochSecond(java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
            }
            return local.atZone(zone).toEpochSecond();
        } catch (DateTimeException e) {
            throw error(e.getMessage());
        }
    }
}
