package io.columba.executor.format;

import io.columba.executor.function.scalar.TypeConversion;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.MapType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.TupleType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses TabSeparated or CSV text (no header) straight into columns of the target types: integers, floats,
 * strings, dates and UTC date-times are read from the characters without an intermediate string per field; other
 * types (Nullable, Bool, DateTime64, zoned DateTime) are gathered as text and converted per column at the end,
 * exactly as the general path does. Values mean the same as through {@link InputFormats} plus
 * {@link TypeConversion}: this is only the fast road to the same result.
 */
public final class TypedDelimitedParser {
    private final byte[] data;
    private final int end;
    private final byte delimiter;
    private final Sink[] sinks;
    private int at;
    private int rows;
    private byte[] scratch = new byte[256];
    private int scratchLength;

    private TypedDelimitedParser(byte[] data, int from, int to, char delimiter, List<DataType> types) {
        this.data = data;
        this.at = from;
        this.end = to;
        this.delimiter = (byte) delimiter;
        this.sinks = new Sink[types.size()];
        int expected = Math.max(16, (to - from) / Math.max(1, types.size() * 8));
        for (int c = 0; c < sinks.length; c++) {
            sinks[c] = sinkFor(types.get(c), expected);
        }
    }

    /** Parses every row of {@code data} (TabSeparated when {@code delimiter} is a tab, else CSV). */
    public static Block parse(String data, char delimiter, List<DataType> types) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length, delimiter, types);
    }

    /** Parses the UTF-8 rows in {@code data[from, to)} (TabSeparated when {@code delimiter} is a tab, else CSV). */
    public static Block parse(byte[] data, int from, int to, char delimiter, List<DataType> types) {
        TypedDelimitedParser parser = new TypedDelimitedParser(data, from, to, delimiter, types);
        parser.run();
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) {
            columns.add(parser.sinks[c].build(types.get(c), parser.rows));
        }
        return new Block(parser.rows, columns);
    }

    private void run() {
        int length = end;
        while (true) {
            while (at < length && (data[at] == '\n' || data[at] == '\r')) {
                at++;
            }
            if (at >= length) {
                return;
            }
            rows++;
            for (int c = 0; c < sinks.length; c++) {
                if (c > 0) {
                    if (at >= length || data[at] != delimiter) {
                        throw fieldCount(c);
                    }
                    at++;
                }
                field(c);
            }
            if (at < length && data[at] == '\r') {
                at++;
            }
            if (at < length && data[at] != '\n') {
                int found = sinks.length;
                while (at < length && data[at] != '\n') {
                    if (data[at] == delimiter) {
                        found++;
                    }
                    at++;
                }
                throw fieldCount(found);
            }
        }
    }

    private ColumbaException fieldCount(int found) {
        return new ColumbaException(
                ErrorCode.INCORRECT_DATA, "Expected " + sinks.length + " fields in row " + rows + ", found " + found);
    }

    /** Reads one field into column {@code c}'s sink. */
    private void field(int c) {
        int start = at;
        int length = end;
        if (delimiter != '\t' && at < length && data[at] == '"') {
            quotedCsv();
            sinks[c].text(this, scratch, scratchLength, rows);
            return;
        }
        boolean escaped = false;
        while (at < length) {
            byte ch = data[at];
            if (ch == delimiter || ch == '\n' || ch == '\r') {
                break;
            }
            if (ch == '\\' && delimiter == '\t') {
                escaped = true;
                at++;
            }
            at++;
        }
        int stop = Math.min(at, length);
        if (stop - start == 2 && data[start] == '\\' && data[start + 1] == 'N') {
            sinks[c].nullValue(rows);
            return;
        }
        if (escaped && !sinks[c].keepsEscapes()) {
            unescapeTab(start, stop);
            sinks[c].text(this, scratch, scratchLength, rows);
        } else {
            sinks[c].range(this, start, stop, rows);
        }
    }

    /** Reads a quoted CSV field into the scratch bytes ({@code ""} is one quote). */
    private void quotedCsv() {
        scratchLength = 0;
        at++;
        while (true) {
            if (at >= end) {
                throw new ColumbaException(ErrorCode.INCORRECT_DATA, "Unterminated quoted CSV field in row " + rows);
            }
            byte ch = data[at++];
            if (ch == '"') {
                if (at < end && data[at] == '"') {
                    appendScratch((byte) '"');
                    at++;
                    continue;
                }
                return;
            }
            appendScratch(ch);
        }
    }

    private void appendScratch(byte b) {
        if (scratchLength == scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[scratchLength++] = b;
    }

    /** Resolves the TabSeparated escapes of {@code data[start, stop)} into the scratch bytes. */
    private void unescapeTab(int start, int stop) {
        scratchLength = 0;
        for (int i = start; i < stop; i++) {
            byte ch = data[i];
            if (ch == '\\' && i + 1 < stop) {
                byte next = data[++i];
                switch (next) {
                    case 't' -> appendScratch((byte) '\t');
                    case 'n' -> appendScratch((byte) '\n');
                    case 'r' -> appendScratch((byte) '\r');
                    case '0' -> appendScratch((byte) 0);
                    case 'b' -> appendScratch((byte) '\b');
                    case 'f' -> appendScratch((byte) '\f');
                    case 'N' -> {
                        appendScratch((byte) '\\');
                        appendScratch((byte) 'N');
                    }
                    default -> appendScratch(next);
                }
            } else {
                appendScratch(ch);
            }
        }
    }

    /** The UTF-8 text of {@code bytes[0, length)}. */
    private static String string(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    private static Sink sinkFor(DataType type, int expected) {
        return switch (type) {
            case IntegerType integer -> new IntegerSink(integer, expected);
            case FloatType ignored -> new FloatSink(expected);
            case StringType ignored -> new TextSink(expected);
            case DateType ignored -> new DateSink(expected);
            case DateTimeType dateTime
            when dateTime.timeZone() == null || dateTime.timeZone().equals("UTC") -> new DateTimeSink(expected);
            case ArrayType ignored -> new QuotedTextSink(expected);
            case MapType ignored -> new QuotedTextSink(expected);
            case TupleType ignored -> new QuotedTextSink(expected);
            default -> new TextSink(expected);
        };
    }

    /**
     * Arrays, maps and tuples: their text is kept as written, escapes included, since inside it strings are quoted
     * and escaped already ({@code ['a\'b']}), and read by their own conversion.
     */
    private static final class QuotedTextSink extends TextSink {
        QuotedTextSink(int expected) {
            super(expected);
        }

        @Override
        boolean keepsEscapes() {
            return true;
        }
    }

    /** Where one column's values go. Rows are numbered from 1. */
    private abstract static class Sink {
        /** A field without escapes: {@code data[start, end)}. */
        abstract void range(TypedDelimitedParser parser, int start, int end, int row);

        /** Whether the sink takes a TabSeparated field with its escapes, as {@link #range}. */
        boolean keepsEscapes() {
            return false;
        }

        /** A field after unescaping: {@code bytes[0, length)}. */
        abstract void text(TypedDelimitedParser parser, byte[] bytes, int length, int row);

        /** {@code \N}. */
        abstract void nullValue(int row);

        abstract Column build(DataType type, int rows);
    }

    /** Text of the field, converted with the general rules once all rows are read. */
    private static class TextSink extends Sink {
        private final StringColumnBuilder values;
        private boolean[] nulls;

        TextSink(int expected) {
            values = new StringColumnBuilder(expected);
        }

        @Override
        void range(TypedDelimitedParser parser, int start, int end, int row) {
            values.append(parser.data, start, end - start);
        }

        @Override
        void text(TypedDelimitedParser parser, byte[] bytes, int length, int row) {
            values.append(bytes, 0, length);
        }

        @Override
        void nullValue(int row) {
            if (nulls == null) {
                nulls = new boolean[Math.max(16, row * 2)];
            } else if (nulls.length < row) {
                nulls = Arrays.copyOf(nulls, row * 2);
            }
            nulls[row - 1] = true;
            values.append(new byte[0]);
        }

        @Override
        Column build(DataType type, int rows) {
            StringColumn built = (StringColumn) values.build();
            StringColumn text = new StringColumn(
                    built.data(), built.offsets(), nulls == null ? null : Arrays.copyOf(nulls, rows), rows);
            if (type instanceof StringType && nulls == null) {
                return text;
            }
            return TypeConversion.cast(text, NullableType.of(StringType.STRING), type, rows)
                    .materialize();
        }
    }

    /** Values kept as longs, parsed straight from the characters where they are plain. */
    private abstract static class LongSink extends Sink {
        long[] values;

        LongSink(int expected) {
            values = new long[expected];
        }

        void put(int row, long value) {
            if (row > values.length) {
                values = Arrays.copyOf(values, Math.max(row, values.length * 2));
            }
            values[row - 1] = value;
        }

        @Override
        void nullValue(int row) {
            put(row, 0);
        }

        @Override
        Column build(DataType type, int rows) {
            return new LongColumn(Arrays.copyOf(values, rows), null, rows);
        }
    }

    private static final class IntegerSink extends LongSink {
        private final IntegerType type;

        IntegerSink(IntegerType type, int expected) {
            super(expected);
            this.type = type;
        }

        @Override
        void range(TypedDelimitedParser parser, int start, int end, int row) {
            byte[] data = parser.data;
            int length = end - start;
            boolean negative = length > 1 && data[start] == '-';
            int digits = negative ? length - 1 : length;
            if (digits > 0 && digits <= 18) {
                long value = 0;
                int i = negative ? start + 1 : start;
                for (; i < end; i++) {
                    int digit = data[i] - '0';
                    if (digit < 0 || digit > 9) {
                        break;
                    }
                    value = value * 10 + digit;
                }
                if (i == end) {
                    long parsed = negative ? -value : value;
                    boolean plain = type.bytes() == 8 ? !negative || type.signed() : type.fits(parsed, false);
                    put(row, plain ? parsed : type.wrap(parsed));
                    return;
                }
            } else if (!negative
                    && (digits == 19 || digits == 20)
                    && type.bytes() == 8
                    && fitsUnsigned(data, start, end)) {
                long value = 0;
                for (int i = start; i < end; i++) {
                    value = value * 10 + (data[i] - '0');
                }
                if (!type.signed() || value >= 0) {
                    put(row, value);
                    return;
                }
            }
            put(row, TypeConversion.parseInteger(string(data, start, length), type));
        }

        /** Whether 19 or 20 bytes are all digits of a value below 2^64. */
        private static boolean fitsUnsigned(byte[] data, int start, int end) {
            long value = 0;
            for (int i = start; i < end; i++) {
                int digit = data[i] - '0';
                if (digit < 0 || digit > 9 || Long.compareUnsigned(value, 1844674407370955161L) > 0) {
                    return false;
                }
                long next = value * 10 + digit;
                if (Long.compareUnsigned(next, value * 10) < 0) {
                    return false;
                }
                value = next;
            }
            return true;
        }

        @Override
        void text(TypedDelimitedParser parser, byte[] bytes, int length, int row) {
            put(row, TypeConversion.parseInteger(string(bytes, 0, length), type));
        }
    }

    private static final class DateSink extends LongSink {
        DateSink(int expected) {
            super(expected);
        }

        @Override
        void range(TypedDelimitedParser parser, int start, int end, int row) {
            if (end - start == 10) {
                long days = plainDate(parser.data, start);
                if (days != Long.MIN_VALUE) {
                    put(row, days);
                    return;
                }
            }
            put(row, TextValues.parseDate(string(parser.data, start, end - start)));
        }

        @Override
        void text(TypedDelimitedParser parser, byte[] bytes, int length, int row) {
            put(row, TextValues.parseDate(string(bytes, 0, length)));
        }
    }

    private static final class DateTimeSink extends LongSink {
        DateTimeSink(int expected) {
            super(expected);
        }

        @Override
        void range(TypedDelimitedParser parser, int start, int end, int row) {
            byte[] data = parser.data;
            if (end - start == 19 && data[start + 10] == ' ') {
                long days = plainDate(data, start);
                int hour = twoDigits(data, start + 11);
                int minute = twoDigits(data, start + 14);
                int second = twoDigits(data, start + 17);
                if (days != Long.MIN_VALUE
                        && data[start + 13] == ':'
                        && data[start + 16] == ':'
                        && hour < 24
                        && minute < 60
                        && second < 60) {
                    put(row, days * 86400 + hour * 3600L + minute * 60L + second);
                    return;
                }
            }
            put(row, TextValues.parseDateTime(string(data, start, end - start), TextValues.UTC));
        }

        @Override
        void text(TypedDelimitedParser parser, byte[] bytes, int length, int row) {
            put(row, TextValues.parseDateTime(string(bytes, 0, length), TextValues.UTC));
        }
    }

    private static final class FloatSink extends Sink {
        private double[] values;

        FloatSink(int expected) {
            values = new double[expected];
        }

        private void put(int row, double value) {
            if (row > values.length) {
                values = Arrays.copyOf(values, Math.max(row, values.length * 2));
            }
            values[row - 1] = value;
        }

        @Override
        void range(TypedDelimitedParser parser, int start, int end, int row) {
            text(parser, parser.data, start, end - start, row);
        }

        @Override
        void text(TypedDelimitedParser parser, byte[] bytes, int length, int row) {
            text(parser, bytes, 0, length, row);
        }

        private void text(TypedDelimitedParser parser, byte[] bytes, int offset, int length, int row) {
            put(row, TypeConversion.parseDouble(string(bytes, offset, length), FloatType.FLOAT64));
        }

        @Override
        void nullValue(int row) {
            put(row, 0);
        }

        @Override
        Column build(DataType type, int rows) {
            double[] result = Arrays.copyOf(values, rows);
            if (((FloatType) type).bytes() == 4) {
                for (int i = 0; i < rows; i++) {
                    result[i] = (float) result[i];
                }
            }
            return new DoubleColumn(result, null, rows);
        }
    }

    /** The day number of {@code YYYY-MM-DD} at {@code start}, or {@code Long.MIN_VALUE} if it is not that shape. */
    private static long plainDate(byte[] data, int start) {
        if (data[start + 4] != '-' || data[start + 7] != '-') {
            return Long.MIN_VALUE;
        }
        int year = twoDigits(data, start) * 100 + twoDigits(data, start + 2);
        int month = twoDigits(data, start + 5);
        int day = twoDigits(data, start + 8);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return Long.MIN_VALUE;
        }
        if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        // Days from the civil date (Howard Hinnant's algorithm), as LocalDate.toEpochDay but without an object.
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    private static int twoDigits(byte[] data, int at) {
        byte a = data[at];
        byte b = data[at + 1];
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return -10_000;
        }
        return (a - '0') * 10 + (b - '0');
    }
}
