package io.columba.executor.format;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.Date32Type;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.EnumType;
import io.columba.storage.type.IPv4Type;
import io.columba.storage.type.IPv6Type;
import io.columba.storage.type.UuidType;
import io.columba.storage.type.WideIntegerType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Text forms of values as ClickHouse writes and reads them: floats, dates and date-times. */
public final class TextValues {
    public static final ZoneId UTC = ZoneOffset.UTC;

    private TextValues() {}

    /**
     * Shortest round-trip text of a double, plain between 1e-7 (exclusive) and 1e21 (exclusive) and
     * {@code 1.5e-7}-style outside, with {@code inf}, {@code -inf}, {@code nan}: ClickHouse's float output.
     */
    public static String formatDouble(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value) < 0 ? "-0" : "0";
        }
        return fromJavaText(Double.toString(value));
    }

    /** As {@link #formatDouble} for a Float32 value, with the shortest digits of the float. */
    public static String formatFloat(float value) {
        if (Float.isNaN(value)) {
            return "nan";
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value) < 0 ? "-0" : "0";
        }
        return fromJavaText(Float.toString(value));
    }

    private static String fromJavaText(String java) {
        boolean negative = java.startsWith("-");
        String text = negative ? java.substring(1) : java;
        int exponentAt = text.indexOf('E');
        int exponent = exponentAt < 0 ? 0 : Integer.parseInt(text.substring(exponentAt + 1));
        String mantissa = exponentAt < 0 ? text : text.substring(0, exponentAt);
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int pointPosition = dot + exponent;
        int leadingZeros = 0;
        while (leadingZeros < digits.length() - 1 && digits.charAt(leadingZeros) == '0') {
            leadingZeros++;
        }
        digits = digits.substring(leadingZeros);
        pointPosition -= leadingZeros;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        int scientificExponent = pointPosition - 1;
        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        if (scientificExponent < -6 || scientificExponent >= 21) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(scientificExponent);
            return out.toString();
        }
        if (pointPosition <= 0) {
            out.append("0.");
            out.append("0".repeat(-pointPosition));
            out.append(digits);
        } else if (pointPosition >= digits.length()) {
            out.append(digits);
            out.append("0".repeat(pointPosition - digits.length()));
        } else {
            out.append(digits, 0, pointPosition).append('.').append(digits, pointPosition, digits.length());
        }
        return out.toString();
    }

    /** The plain text of a value (what toString gives and TSV writes before escaping); NULL is {@code \\N}. */
    public static String plainText(
            io.columba.storage.column.Column column, io.columba.storage.type.DataType type, int row) {
        io.columba.storage.column.Column plain =
                column instanceof io.columba.storage.column.ConstantColumn constant ? constant.value() : column;
        int at = plain == column ? row : 0;
        if (plain.isNull(at)) {
            return "\\N";
        }
        return switch (plain) {
            case io.columba.storage.column.LongColumn longs -> longText(longs.get(at), type.withoutNullable());
            case io.columba.storage.column.DoubleColumn doubles ->
                type.withoutNullable().fixedWidth() == 4
                        ? formatFloat((float) doubles.get(at))
                        : formatDouble(doubles.get(at));
            case io.columba.storage.column.StringColumn strings -> bytesText(strings, at, type.withoutNullable());
            case io.columba.storage.column.ArrayColumn ignored -> QuotedValueWriter.text(plain, type, at);
            case io.columba.storage.column.TupleColumn ignored -> QuotedValueWriter.text(plain, type, at);
            case io.columba.storage.column.ConstantColumn ignored -> throw new IllegalStateException();
        };
    }

    /** Text of a BYTES-held value: a string as it is, or a UUID, IPv6 address or wide number in its text form. */
    public static String bytesText(io.columba.storage.column.StringColumn strings, int row, DataType type) {
        int offset = strings.offsets()[row];
        return switch (type) {
            case UuidType ignored -> UuidText.format(strings.data(), offset);
            case IPv6Type ignored -> NetworkText.formatIPv6(strings.data(), offset);
            case WideIntegerType wide -> wide.decode(strings.data(), offset).toString();
            case DecimalType decimal ->
                DecimalText.format(decimal.storage().decode(strings.data(), offset), decimal.scale());
            default -> strings.getString(row);
        };
    }

    /** Text of a LONG-held value of an integer, date, date-time or boolean type. */
    public static String longText(long value, io.columba.storage.type.DataType type) {
        return switch (type) {
            case io.columba.storage.type.IntegerType integer ->
                integer.signed() || integer.bytes() < 8 ? Long.toString(value) : Long.toUnsignedString(value);
            case io.columba.storage.type.DateType ignored -> formatDate(value);
            case io.columba.storage.type.DateTimeType dateTime -> formatDateTime(value, zone(dateTime.timeZone()));
            case io.columba.storage.type.DateTime64Type ticks -> formatDateTime64(value, ticks, zone(ticks.timeZone()));
            case io.columba.storage.type.BoolType ignored -> value != 0 ? "true" : "false";
            case Date32Type ignored -> formatDate(value);
            case EnumType enumType -> {
                String name = enumType.nameOf(value);
                yield name != null ? name : Long.toString(value);
            }
            case IPv4Type ignored -> NetworkText.formatIPv4(value);
            case DecimalType decimal -> DecimalText.format(value, decimal.scale());
            default -> Long.toString(value);
        };
    }

    /** {@code YYYY-MM-DD} of a day number. */
    public static String formatDate(long days) {
        LocalDate date = LocalDate.ofEpochDay(days);
        return pad4(date.getYear()) + "-" + pad2(date.getMonthValue()) + "-" + pad2(date.getDayOfMonth());
    }

    /** {@code YYYY-MM-DD hh:mm:ss} of epoch seconds in a time zone. */
    public static String formatDateTime(long seconds, ZoneId zone) {
        LocalDateTime time = zone == UTC
                ? LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC)
                : LocalDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds), zone);
        return pad4(time.getYear()) + "-" + pad2(time.getMonthValue()) + "-" + pad2(time.getDayOfMonth()) + " "
                + pad2(time.getHour()) + ":" + pad2(time.getMinute()) + ":" + pad2(time.getSecond());
    }

    /** {@code YYYY-MM-DD hh:mm:ss.fff...} (as many fraction digits as the precision) of DateTime64 ticks. */
    public static String formatDateTime64(long ticks, io.columba.storage.type.DateTime64Type type, ZoneId zone) {
        long scale = type.scale();
        String seconds = formatDateTime(Math.floorDiv(ticks, scale), zone);
        if (type.precision() == 0) {
            return seconds;
        }
        String fraction = Long.toString(Math.floorMod(ticks, scale));
        return seconds + "." + "0".repeat(type.precision() - fraction.length()) + fraction;
    }

    /**
     * Parses a DateTime64 of {@code precision} digits: a date-time as {@link #parseDateTime} takes it with an
     * optional fraction of a second (extra digits are cut), or a Unix timestamp with an optional fraction.
     */
    public static long parseDateTime64(String text, int precision, ZoneId zone) {
        String value = text.strip();
        long scale = 1;
        for (int i = 0; i < precision; i++) {
            scale *= 10;
        }
        int dot = value.lastIndexOf('.');
        String fraction = "";
        String whole = value;
        if (dot >= 0 && dot + 1 < value.length() && Character.isDigit(value.charAt(dot + 1))) {
            int end = dot + 1;
            while (end < value.length() && Character.isDigit(value.charAt(end))) {
                end++;
            }
            fraction = value.substring(dot + 1, end);
            whole = value.substring(0, dot) + value.substring(end);
        }
        long seconds;
        try {
            seconds = parseDateTime(whole, zone);
        } catch (ColumbaException e) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_PARSE_DATETIME, "Cannot parse DateTime64: value '" + text + "'");
        }
        String digits = (fraction + "0".repeat(precision));
        long ticks = precision == 0 ? 0 : Long.parseLong(digits.substring(0, precision));
        return seconds * scale + ticks;
    }

    private static String pad2(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String pad4(int value) {
        String text = Integer.toString(value);
        return text.length() >= 4 ? text : "0".repeat(4 - text.length()) + text;
    }

    /** The time zone of that name (UTC for null); an unknown name is BAD_ARGUMENTS, as in ClickHouse. */
    public static ZoneId zone(String name) {
        if (name == null) {
            return UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            throw new io.columba.storage.error.ColumbaException(
                    io.columba.storage.error.ErrorCode.BAD_ARGUMENTS, "Invalid time zone: " + name);
        }
    }

    /** Parses {@code YYYY-MM-DD} (also {@code YYYY-MM-DD hh:mm:ss}, whose date part is taken) to a day number. */
    public static long parseDate(String text) {
        String value = text.strip();
        try {
            if (value.length() >= 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
                return LocalDate.of(
                                Integer.parseInt(value.substring(0, 4)),
                                Integer.parseInt(value.substring(5, 7)),
                                Integer.parseInt(value.substring(8, 10)))
                        .toEpochDay();
            }
            if (!value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() <= 10) {
                return Long.parseLong(value);
            }
        } catch (RuntimeException invalid) {
            throw new ColumbaException(ErrorCode.CANNOT_PARSE_DATE, "Cannot parse date: value '" + text + "'");
        }
        throw new ColumbaException(ErrorCode.CANNOT_PARSE_DATE, "Cannot parse date: value '" + text + "'");
    }

    /**
     * Parses a date-time: {@code YYYY-MM-DD hh:mm:ss}, {@code YYYY-MM-DD}, ISO 8601 with {@code T}, fraction and
     * offset or {@code Z}, or a Unix timestamp; a value without offset is in {@code zone}.
     */
    public static long parseDateTime(String text, ZoneId zone) {
        String value = text.strip();
        try {
            if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(value);
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toEpochSecond();
            }
            if (value.length() >= 19 && value.charAt(10) == ' ' && value.length() == 19) {
                return LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone).toEpochSecond();
            }
            String iso = value.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(normalizeOffset(iso)).toEpochSecond();
            }
            return LocalDateTime.parse(iso).atZone(zone).toEpochSecond();
        } catch (DateTimeParseException | NumberFormatException invalid) {
            throw new ColumbaException(ErrorCode.CANNOT_PARSE_DATETIME, "Cannot parse DateTime: value '" + text + "'");
        }
    }

    private static String normalizeOffset(String iso) {
        if (iso.endsWith("Z")) {
            return iso;
        }
        int at = iso.length() - 4;
        if (iso.charAt(at - 1) == '+' || iso.charAt(at - 1) == '-') {
            return iso.substring(0, at) + iso.substring(at, at + 2) + ":" + iso.substring(at + 2);
        }
        return iso;
    }
}
