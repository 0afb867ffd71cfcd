package io.columba.executor.function.scalar;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.format.TextValues;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.NullableType;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * parseDateTime(text, format[, zone]) and its OrNull/OrZero forms: text read with MySQL format specifiers (%Y, %m,
 * %d, %H, %i, %s, %M month name, %p, ...) into a DateTime; the whole text must match.
 */
public final class ParseDateTimeFunctions {
    private ParseDateTimeFunctions() {}

    private static final String DEFAULT_FORMAT = "%Y-%m-%d %H:%i:%s";
    private static final String[] MONTHS = {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december"
    };
    private static final String[] WEEKDAYS = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
    };

    private enum Failure {
        THROW,
        NULL,
        ZERO
    }

    public static List<ScalarFunction> all() {
        return List.of(
                function("parseDateTime", Failure.THROW),
                function("parseDateTimeOrNull", Failure.NULL),
                function("parseDateTimeOrZero", Failure.ZERO));
    }

    private static SimpleScalarFunction function(String name, Failure failure) {
        String outcome = switch (failure) {
            case THROW -> "text that does not match is CANNOT_PARSE_DATETIME";
            case NULL -> "NULL when the text does not match";
            case ZERO -> "1970-01-01 00:00:00 when the text does not match";
        };
        return SimpleScalarFunction.of(
                name,
                "Reads a DateTime from text with MySQL format specifiers (default '%Y-%m-%d %H:%i:%s'); " + outcome
                        + ".",
                "SELECT " + name + "('2024-03-14 10:20', '%Y-%m-%d %H:%i')",
                (types, args) -> bind(name, types, args, failure));
    }

    private static Binding bind(String name, List<DataType> types, List<BoundExpression> args, Failure failure) {
        StringOperands.expectStrings(name, types, 1, 3, 0, 1, 2);
        String format = types.size() >= 2 ? ConversionFunctions.constantString(name, args.get(1)) : DEFAULT_FORMAT;
        String zoneName = types.size() == 3 ? ConversionFunctions.constantString(name, args.get(2)) : null;
        ZoneId zone = zoneName == null ? TextValues.UTC : TextValues.zone(zoneName);
        DataType type = new DateTimeType(zoneName);
        DataType result = failure == Failure.NULL ? NullableType.of(type) : type;
        return new Binding(result, (columns, rows) -> {
            long[] out = new long[rows];
            boolean[] nulls = failure == Failure.NULL ? new boolean[rows] : null;
            for (int i = 0; i < rows; i++) {
                String text = StringOperands.text(columns[0], i);
                try {
                    out[i] = parse(text, format, zone);
                } catch (ColumbaException e) {
                    if (failure == Failure.THROW) {
                        throw e;
                    }
                    if (nulls != null) {
                        nulls[i] = true;
                    }
                }
            }
            return new LongColumn(out, nulls, rows);
        });
    }

    /** The parsed fields, starting from 1970-01-01 00:00:00. */
    private static final class Fields {
        int year = 1970;
        int month = 1;
        int day = 1;
        int hour;
        int minute;
        int second;
        boolean twelveHour;
        boolean afternoon;
        Integer offsetSeconds;
    }

    static long parse(String text, String format, ZoneId zone) {
        Fields fields = new Fields();
        int[] at = {0};
        for (int f = 0; f < format.length(); f++) {
            char c = format.charAt(f);
            if (c != '%' || f + 1 == format.length()) {
                expectLiteral(text, at, c, format);
                continue;
            }
            char specifier = format.charAt(++f);
            readField(specifier, text, at, fields, format);
        }
        if (at[0] != text.length()) {
            throw cannotParse(text, format);
        }
        int hour = fields.hour;
        if (fields.twelveHour) {
            hour = hour % 12 + (fields.afternoon ? 12 : 0);
        }
        try {
            LocalDateTime local =
                    LocalDateTime.of(fields.year, fields.month, fields.day, hour, fields.minute, fields.second);
            if (fields.offsetSeconds != null) {
                return local.toEpochSecond(java.time.ZoneOffset.UTC) - fields.offsetSeconds;
            }
            return local.atZone(zone).toEpochSecond();
        } catch (DateTimeException e) {
            throw cannotParse(text, format);
        }
    }

    private static void readField(char specifier, String text, int[] at, Fields fields, String format) {
        switch (specifier) {
            case 'Y' -> fields.year = number(text, at, 4, 4, format);
            case 'y' -> fields.year = 2000 + number(text, at, 2, 2, format);
            case 'C' -> fields.year = number(text, at, 2, 2, format) * 100 + fields.year % 100;
            case 'm' -> fields.month = number(text, at, 2, 2, format);
            case 'c' -> fields.month = number(text, at, 1, 2, format);
            case 'd' -> fields.day = number(text, at, 2, 2, format);
            case 'e' -> {
                skipSpaces(text, at);
                fields.day = number(text, at, 1, 2, format);
            }
            case 'H' -> fields.hour = number(text, at, 2, 2, format);
            case 'k' -> fields.hour = number(text, at, 1, 2, format);
            case 'h', 'I' -> {
                fields.hour = number(text, at, 2, 2, format);
                fields.twelveHour = true;
            }
            case 'l' -> {
                fields.hour = number(text, at, 1, 2, format);
                fields.twelveHour = true;
            }
            case 'i' -> fields.minute = number(text, at, 2, 2, format);
            case 's', 'S' -> fields.second = number(text, at, 2, 2, format);
            case 'f' -> number(text, at, 6, 6, format);
            case 'j' -> {
                int dayOfYear = number(text, at, 3, 3, format);
                java.time.LocalDate date = java.time.LocalDate.ofYearDay(fields.year, Math.max(1, dayOfYear));
                fields.month = date.getMonthValue();
                fields.day = date.getDayOfMonth();
            }
            case 'p' -> {
                String marker = take(text, at, 2, format).toUpperCase(Locale.ROOT);
                if (!marker.equals("AM") && !marker.equals("PM")) {
                    throw cannotParse(text, format);
                }
                fields.afternoon = marker.equals("PM");
                fields.twelveHour = true;
            }
            case 'M' -> fields.month = name(text, at, MONTHS, false, format) + 1;
            case 'b' -> fields.month = name(text, at, MONTHS, true, format) + 1;
            case 'W' -> name(text, at, WEEKDAYS, false, format);
            case 'a' -> name(text, at, WEEKDAYS, true, format);
            case 'u' -> number(text, at, 1, 1, format);
            case 'F' -> composite("Y-m-d", text, at, fields, format);
            case 'T' -> composite("H:i:s", text, at, fields, format);
            case 'R' -> composite("H:i", text, at, fields, format);
            case 'D' -> composite("m/d/y", text, at, fields, format);
            case 'z' -> fields.offsetSeconds = offset(text, at, format);
            case 'n' -> expectLiteral(text, at, '\n', format);
            case 't' -> expectLiteral(text, at, '\t', format);
            case '%' -> expectLiteral(text, at, '%', format);
            default ->
                throw new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS, "Unsupported format specifier %" + specifier + " in '" + format + "'");
        }
    }

    /** A specifier that stands for others ({@code %F} is {@code %Y-%m-%d}): letters are fields, the rest literals. */
    private static void composite(String parts, String text, int[] at, Fields fields, String format) {
        for (int i = 0; i < parts.length(); i++) {
            char part = parts.charAt(i);
            if (Character.isLetter(part)) {
                readField(part, text, at, fields, format);
            } else {
                expectLiteral(text, at, part, format);
            }
        }
    }

    private static void expectLiteral(String text, int[] at, char c, String format) {
        if (at[0] >= text.length() || text.charAt(at[0]) != c) {
            throw cannotParse(text, format);
        }
        at[0]++;
    }

    private static void skipSpaces(String text, int[] at) {
        while (at[0] < text.length() && text.charAt(at[0]) == ' ') {
            at[0]++;
        }
    }

    private static int number(String text, int[] at, int minimumDigits, int maximumDigits, String format) {
        int start = at[0];
        int value = 0;
        while (at[0] < text.length() && at[0] - start < maximumDigits && Character.isDigit(text.charAt(at[0]))) {
            value = value * 10 + (text.charAt(at[0]++) - '0');
        }
        if (at[0] - start < minimumDigits) {
            throw cannotParse(text, format);
        }
        return value;
    }

    private static String take(String text, int[] at, int length, String format) {
        if (at[0] + length > text.length()) {
            throw cannotParse(text, format);
        }
        String part = text.substring(at[0], at[0] + length);
        at[0] += length;
        return part;
    }

    /** The index of the (full or three-letter) name at the position, case-insensitively. */
    private static int name(String text, int[] at, String[] names, boolean abbreviated, String format) {
        String rest = text.substring(at[0]).toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            String candidate = abbreviated ? names[i].substring(0, 3) : names[i];
            if (rest.startsWith(candidate)) {
                at[0] += candidate.length();
                return i;
            }
        }
        throw cannotParse(text, format);
    }

    private static int offset(String text, int[] at, String format) {
        String sign = take(text, at, 1, format);
        if (!sign.equals("+") && !sign.equals("-")) {
            throw cannotParse(text, format);
        }
        int hours = number(text, at, 2, 2, format);
        if (at[0] < text.length() && text.charAt(at[0]) == ':') {
            at[0]++;
        }
        int minutes = number(text, at, 2, 2, format);
        int seconds = hours * 3600 + minutes * 60;
        return sign.equals("-") ? -seconds : seconds;
    }

    private static ColumbaException cannotParse(String text, String format) {
        return new ColumbaException(
                ErrorCode.CANNOT_PARSE_DATETIME,
                "Cannot parse '" + text + "' as DateTime with the format '" + format + "'");
    }
}
