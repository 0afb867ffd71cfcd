package io.columba.ingest.json;

import io.columba.executor.format.OutputFormats;
import io.columba.executor.format.TextValues;
import io.columba.executor.function.scalar.TypeConversion;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.MapType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.TupleType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One column's values as ingestion reads them, built straight into the column's vector, in any row order (a row
 * written twice keeps its last value). Plain integers, floats and UTC date-times are parsed from the JSON bytes
 * with no string in between, and strings are copied as bytes; a value in any other form is kept as text, checked
 * by {@link RowConverter} with the general conversion ({@link #uncertain}) and then {@link #resolve resolved}.
 * The values are those an insert of the row's TabSeparated text would give; each row's text ({@link #text(int)})
 * can be had back for the quarantine.
 */
abstract class ColumnSink {
    private static final DataType TEXT = NullableType.of(StringType.STRING);
    private static final int MAX_INTEGER_DIGITS = 18;
    private static final int MAX_EXACT_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    final DataType type;
    /** The bytes raw values point into (the body being read), or null. */
    final byte[] source;

    ColumnSink(DataType type, byte[] source) {
        this.type = type;
        this.source = source;
    }

    /** The sink for a column of {@code type} of up to {@code rows} rows, its raw values read from {@code source}. */
    static ColumnSink of(DataType type, int rows, byte[] source) {
        return switch (type) {
            case IntegerType integer -> new IntegerSink(integer, rows, source);
            case FloatType floats -> new FloatSink(floats, rows, source);
            case DateTimeType dateTime
            when dateTime.timeZone() == null || dateTime.timeZone().equals("UTC") ->
                new DateTimeSink(dateTime, rows, source);
            case ArrayType ignored -> new TextSink(type, rows, source, true);
            case MapType ignored -> new TextSink(type, rows, source, true);
            case TupleType ignored -> new TextSink(type, rows, source, true);
            default -> new TextSink(type, rows, source, false);
        };
    }

    /** A JSON string without escapes: its UTF-8 bytes {@code bytes[from, to)}, valid only during the call. */
    abstract void string(byte[] bytes, int from, int to, int row);

    /** A JSON number {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} as written in {@code bytes[from, to)}. */
    abstract void number(byte[] bytes, int from, int to, int row);

    /** Any other value as its text ({@link JsonValues#text}); null is NULL. */
    abstract void text(String text, int row);

    /** The text of row {@code row}'s value as {@link JsonValues#text} gives it (null: NULL), for the quarantine. */
    abstract String text(int row);

    /** Per row, the texts not known to convert to the type, to check; null when there are none. */
    abstract String[] uncertain();

    /** Converts row {@code row}'s uncertain value, which the general conversion accepts; throws when it cannot. */
    abstract void resolve(int row);

    /** The column of the rows {@code kept[0, count)} (null: the first {@code count} rows). */
    abstract Column build(int[] kept, int count);

    /** The text of a JSON number as the tree gives it: integers as written ({@code -0}: 0), decimals exact. */
    static String numberText(byte[] bytes, int from, int to) {
        String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        for (int i = from; i < to; i++) {
            if (bytes[i] == '.') {
                return new BigDecimal(text).stripTrailingZeros().toPlainString();
            }
        }
        return text.equals("-0") ? "0" : text;
    }

    /** Whether {@code text} needs no TabSeparated escape. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < ' ' || ch == '\\' || ch == '\'') {
                return false;
            }
        }
        return true;
    }

    /** {@code -?[0-9]{1,18}} as a long, or {@link Long#MIN_VALUE} when the bytes are not that. */
    static long plainInteger(byte[] bytes, int from, int to) {
        boolean negative = to - from > 1 && bytes[from] == '-';
        int start = negative ? from + 1 : from;
        if (to - start < 1 || to - start > MAX_INTEGER_DIGITS) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (int i = start; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return Long.MIN_VALUE;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /** The selected values of {@code values}. */
    static long[] kept(long[] values, int[] kept, int count) {
        if (kept == null) {
            return Arrays.copyOf(values, count);
        }
        long[] result = new long[count];
        for (int i = 0; i < count; i++) {
            result[i] = values[kept[i]];
        }
        return result;
    }

    /**
     * The sinks that hold a long or double per row: the value's bytes are remembered as a range of the source (or
     * as text when they are not in it), so that the text can be had back.
     */
    private abstract static class NumericSink extends ColumnSink {
        private static final byte NONE = 0;
        private static final byte RAW_STRING = 1;
        private static final byte RAW_NUMBER = 2;

        private final byte[] rawKinds;
        private final int[] rawFrom;
        private final int[] rawTo;
        private String[] texts;
        private boolean[] uncertain;
        private boolean anyUncertain;

        NumericSink(DataType type, int rows, byte[] source) {
            super(type, source);
            rawKinds = new byte[rows];
            rawFrom = new int[rows];
            rawTo = new int[rows];
        }

        /** Parses a plain value of {@code bytes[from, to)} into {@code row}; false when it is not plain. */
        abstract boolean plain(byte[] bytes, int from, int to, boolean number, int row);

        /** Parses a text the general conversion accepts, as the TabSeparated reader does. */
        abstract void parse(String text, int row);

        @Override
        final void string(byte[] bytes, int from, int to, int row) {
            if (bytes == source && plain(bytes, from, to, false, row)) {
                remember(row, RAW_STRING, from, to);
                return;
            }
            text(new String(bytes, from, to - from, StandardCharsets.UTF_8), row);
        }

        @Override
        final void number(byte[] bytes, int from, int to, int row) {
            if (bytes == source && plain(bytes, from, to, true, row)) {
                remember(row, RAW_NUMBER, from, to);
                return;
            }
            text(numberText(bytes, from, to), row);
        }

        private void remember(int row, byte kind, int from, int to) {
            rawKinds[row] = kind;
            rawFrom[row] = from;
            rawTo[row] = to;
            if (texts != null) {
                texts[row] = null;
                uncertain[row] = false;
            }
        }

        @Override
        final void text(String text, int row) {
            rawKinds[row] = NONE;
            if (texts == null) {
                texts = new String[rawKinds.length];
                uncertain = new boolean[rawKinds.length];
            }
            texts[row] = text;
            uncertain[row] = false;
            if (text == null) {
                return;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (!plain(bytes, 0, bytes.length, false, row)) {
                uncertain[row] = true;
                anyUncertain = true;
            }
        }

        @Override
        final String text(int row) {
            return switch (rawKinds[row]) {
                case RAW_STRING -> new String(source, rawFrom[row], rawTo[row] - rawFrom[row], StandardCharsets.UTF_8);
                case RAW_NUMBER -> numberText(source, rawFrom[row], rawTo[row]);
                default -> texts == null ? null : texts[row];
            };
        }

        @Override
        final String[] uncertain() {
            if (!anyUncertain) {
                return null;
            }
            String[] result = new String[texts.length];
            for (int row = 0; row < result.length; row++) {
                if (uncertain[row]) {
                    result[row] = texts[row];
                }
            }
            return result;
        }

        @Override
        final void resolve(int row) {
            parse(texts[row], row);
        }
    }

    /** Integers: {@code -?[0-9]{1,18}} straight from the bytes, wrapped into the type as ClickHouse does. */
    private static final class IntegerSink extends NumericSink {
        private final IntegerType integer;
        private final long[] values;

        IntegerSink(IntegerType integer, int rows, byte[] source) {
            super(integer, rows, source);
            this.integer = integer;
            this.values = new long[rows];
        }

        @Override
        boolean plain(byte[] bytes, int from, int to, boolean number, int row) {
            long value = plainInteger(bytes, from, to);
            if (value == Long.MIN_VALUE) {
                return false;
            }
            boolean fits = integer.bytes() == 8 ? value >= 0 || integer.signed() : integer.fits(value, false);
            values[row] = fits ? value : integer.wrap(value);
            return true;
        }

        @Override
        void parse(String text, int row) {
            values[row] = TypeConversion.parseInteger(text, integer);
        }

        @Override
        Column build(int[] kept, int count) {
            return new LongColumn(kept(values, kept, count), null, count);
        }
    }

    /** Date-times in UTC: {@code YYYY-MM-DD hh:mm:ss} of a real date straight from the bytes. */
    private static final class DateTimeSink extends NumericSink {
        private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

        private final long[] values;

        DateTimeSink(DateTimeType type, int rows, byte[] source) {
            super(type, rows, source);
            this.values = new long[rows];
        }

        @Override
        boolean plain(byte[] bytes, int from, int to, boolean number, int row) {
            if (number || to - from != 19) {
                return false;
            }
            if (bytes[from + 4] != '-'
                    || bytes[from + 7] != '-'
                    || bytes[from + 10] != ' '
                    || bytes[from + 13] != ':'
                    || bytes[from + 16] != ':') {
                return false;
            }
            int century = twoDigits(bytes, from);
            int year = century * 100 + twoDigits(bytes, from + 2);
            int month = twoDigits(bytes, from + 5);
            int day = twoDigits(bytes, from + 8);
            int hour = twoDigits(bytes, from + 11);
            int minute = twoDigits(bytes, from + 14);
            int second = twoDigits(bytes, from + 17);
            if (century < 0 || year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
                return false;
            }
            if (minute < 0 || minute > 59 || second < 0 || second > 59) {
                return false;
            }
            boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            if (day > (month == 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1])) {
                return false;
            }
            values[row] = epochDay(year, month, day) * 86400 + hour * 3600L + minute * 60L + second;
            return true;
        }

        /** The number in the two digits at {@code at}, or -1. */
        private static int twoDigits(byte[] bytes, int at) {
            int tens = bytes[at] - '0';
            int units = bytes[at + 1] - '0';
            return (tens | units) >= 0 && tens <= 9 && units <= 9 ? tens * 10 + units : -1;
        }

        /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
        private static long epochDay(int year, int month, int day) {
            long y = month <= 2 ? year - 1 : year;
            long era = Math.floorDiv(y, 400);
            long yearOfEra = y - era * 400;
            long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
            return era * 146097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719468;
        }

        @Override
        void parse(String text, int row) {
            values[row] = TextValues.parseDateTime(text, TextValues.UTC);
        }

        @Override
        Column build(int[] kept, int count) {
            return new LongColumn(kept(values, kept, count), null, count);
        }
    }

    /**
     * Floats: decimals of up to 15 significant digits and 22 decimals are one correctly rounded division of exact
     * doubles (Clinger's fast path), so equal to {@link Double#parseDouble}; other decimals are parsed by it.
     */
    private static final class FloatSink extends NumericSink {
        private static final int MAX_DECIMAL_LENGTH = 40;

        private final boolean float32;
        private final double[] values;

        FloatSink(FloatType type, int rows, byte[] source) {
            super(type, rows, source);
            this.float32 = type.bytes() == 4;
            this.values = new double[rows];
        }

        @Override
        boolean plain(byte[] bytes, int from, int to, boolean number, int row) {
            boolean negative = to - from > 1 && bytes[from] == '-';
            int start = negative ? from + 1 : from;
            if (to - from > MAX_DECIMAL_LENGTH || start >= to) {
                return false;
            }
            long mantissa = 0;
            int digits = 0;
            int decimals = -1;
            for (int i = start; i < to; i++) {
                byte b = bytes[i];
                if (b == '.' && decimals < 0 && i > start && i + 1 < to) {
                    decimals = 0;
                    continue;
                }
                int digit = b - '0';
                if (digit < 0 || digit > 9) {
                    return false;
                }
                if (mantissa > 0 || digit > 0) {
                    digits++;
                }
                mantissa = digits <= MAX_INTEGER_DIGITS ? mantissa * 10 + digit : mantissa;
                if (decimals >= 0) {
                    decimals++;
                }
            }
            if (digits > MAX_EXACT_DIGITS || decimals >= POWERS_OF_TEN.length) {
                values[row] = Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
            } else {
                double value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
                // A JSON number's text is exact (-0.0 is 0); a string's is parsed as written.
                values[row] = negative && !(number && mantissa == 0) ? -value : value;
            }
            return true;
        }

        @Override
        void parse(String text, int row) {
            values[row] = TypeConversion.parseDouble(text, FloatType.FLOAT64);
        }

        @Override
        Column build(int[] kept, int count) {
            double[] result = new double[count];
            for (int i = 0; i < count; i++) {
                double value = values[kept == null ? i : kept[i]];
                result[i] = float32 ? (float) value : value;
            }
            return new DoubleColumn(result, null, count);
        }
    }

    /**
     * Every other type: the values' texts (escaped as TabSeparated for arrays, maps and tuples, whose reader takes
     * them so), converted as a whole column at the end by the general conversion, as the TabSeparated reader does.
     */
    private static final class TextSink extends ColumnSink {
        private final boolean escaped;
        private final boolean anyText;
        private final GrowableByteArray bytes;
        private final int[] from;
        private final int[] to;
        private final String[] texts;
        private boolean[] nulls;
        /** Rows 0 to this one (excluded) were written once each, in order: their bytes are in order too. */
        private int inOrder;

        private boolean outOfOrder;

        TextSink(DataType type, int rows, byte[] source, boolean escaped) {
            super(type, source);
            this.escaped = escaped;
            this.anyText = type.withoutLowCardinality().withoutNullable() instanceof StringType;
            this.bytes = new GrowableByteArray(16 * rows);
            this.from = new int[rows];
            this.to = new int[rows];
            // Texts of types other than strings are kept: they are checked by the general conversion.
            this.texts = anyText ? null : new String[rows];
        }

        @Override
        void string(byte[] value, int start, int end, int row) {
            if (texts != null || escaped) {
                text(new String(value, start, end - start, StandardCharsets.UTF_8), row);
                return;
            }
            append(value, start, end, row);
        }

        @Override
        void number(byte[] value, int start, int end, int row) {
            text(numberText(value, start, end), row);
        }

        @Override
        void text(String text, int row) {
            if (texts != null) {
                texts[row] = text;
            }
            if (text == null) {
                if (nulls == null) {
                    nulls = new boolean[from.length];
                }
                nulls[row] = true;
                from[row] = to[row] = bytes.length();
                track(row);
                return;
            }
            if (nulls != null) {
                nulls[row] = false;
            }
            String stored = escaped && !plain(text) ? OutputFormats.tsvEscape(text) : text;
            byte[] utf8 = stored.getBytes(StandardCharsets.UTF_8);
            append(utf8, 0, utf8.length, row);
        }

        private void append(byte[] value, int start, int end, int row) {
            from[row] = bytes.length();
            bytes.write(value, start, end - start);
            to[row] = bytes.length();
            track(row);
        }

        private void track(int row) {
            if (row == inOrder) {
                inOrder++;
            } else {
                outOfOrder = true;
            }
        }

        @Override
        String text(int row) {
            if (texts != null || (nulls != null && nulls[row])) {
                return texts == null ? null : texts[row];
            }
            return new String(bytes.bytes(), from[row], to[row] - from[row], StandardCharsets.UTF_8);
        }

        @Override
        String[] uncertain() {
            if (texts == null) {
                return null;
            }
            String[] result = null;
            for (int row = 0; row < texts.length; row++) {
                if (texts[row] != null && !CanonicalText.converts(type, texts[row])) {
                    if (result == null) {
                        result = new String[texts.length];
                    }
                    result[row] = texts[row];
                }
            }
            return result;
        }

        @Override
        void resolve(int row) {
            // Converted with the whole column in build.
        }

        @Override
        Column build(int[] kept, int count) {
            if (kept == null && !outOfOrder && inOrder == count) {
                // The common case: the bytes are the column's already, and the starts its offsets.
                int[] offsets = from.length > count ? from : Arrays.copyOf(from, count + 1);
                offsets[count] = count == 0 ? 0 : to[count - 1];
                return column(new StringColumn(bytes.bytes(), offsets, nulls, count));
            }
            int total = 0;
            for (int i = 0; i < count; i++) {
                int row = kept == null ? i : kept[i];
                total += to[row] - from[row];
            }
            byte[] data = new byte[total];
            int[] offsets = new int[count + 1];
            boolean[] keptNulls = nulls == null ? null : new boolean[count];
            byte[] all = bytes.bytes();
            int at = 0;
            for (int i = 0; i < count; i++) {
                int row = kept == null ? i : kept[i];
                int length = to[row] - from[row];
                System.arraycopy(all, from[row], data, at, length);
                at += length;
                offsets[i + 1] = at;
                if (keptNulls != null) {
                    keptNulls[i] = nulls[row];
                }
            }
            return column(new StringColumn(data, offsets, keptNulls, count));
        }

        private Column column(StringColumn text) {
            if (type instanceof StringType && text.nulls() == null) {
                return text;
            }
            return TypeConversion.cast(text, TEXT, type, text.size()).materialize();
        }
    }
}
