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
    private final String data;
    private final char delimiter;
    private final Sink[] sinks;
    private int at;
    private int rows;
    private final StringBuilder scratch = new StringBuilder();

    private TypedDelimitedParser(String data, char delimiter, List<DataType> types) {
        this.data = data;
        this.delimiter = delimiter;
        this.sinks = new Sink[types.size()];
        int expected = Math.max(16, data.length() / Math.max(1, types.size() * 8));
        for (int c = 0; c < sinks.length; c++) {
            sinks[c] = sinkFor(types.get(c), expected);
        }
    }

    /** Parses every row of {@code data} (TabSeparated when {@code delimiter} is a tab, else CSV). */
    public static Block parse(String data, char delimiter, List<DataType> types) {
        TypedDelimitedParser parser = new TypedDelimitedParser(data, delimiter, types);
        parser.run();
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) {
            columns.add(parser.sinks[c].build(types.get(c), parser.rows));
        }
        return new Block(parser.rows, columns);
    }

    private void run() {
        int length = data.length();
        while (true) {
            while (at < length && (data.charAt(at) == '\n' || data.charAt(at) == '\r')) {
                at++;
            }
            if (at >= length) {
                return;
            }
            rows++;
            for (int c = 0; c < sinks.length; c++) {
                if (c > 0) {
                    if (at >= length || data.charAt(at) != delimiter) {
                        throw fieldCount(c);
                    }
                    at++;
                }
                field(c);
            }
            if (at < length && data.charAt(at) == '\r') {
                at++;
            }
            if (at < length && data.charAt(at) != '\n') {
                int found = sinks.length;
                while (at < length && data.charAt(at) != '\n') {
                    if (data.charAt(at) == delimiter) {
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
        int length = data.length();
        if (delimiter != '\t' && at < length && data.charAt(at) == '"') {
            sinks[c].text(this, quotedCsv(), rows);
            return;
        }
        boolean escaped = false;
        while (at < length) {
            char ch = data.charAt(at);
            if (ch == delimiter || ch == '\n' || ch == '\r') {
                break;
            }
            if (ch == '\\' && delimiter == '\t') {
                escaped = true;
                at++;
            }
            at++;
        }
        int end = Math.min(at, length);
        if (end - start == 2 && data.charAt(start) == '\\' && data.charAt(start + 1) == 'N') {
            sinks[c].nullValue(rows);
            return;
        }
        if (escaped && !sinks[c].keepsEscapes()) {
            sinks[c].text(this, unescapeTab(start, end), rows);
        } else {
            sinks[c].range(this, start, end, rows);
        }
    }

    private String quotedCsv() {
        scratch.setLength(0);
        at++;
        while (true) {
            if (at >= data.length()) {
                throw new ColumbaException(ErrorCode.INCORRECT_DATA, "Unterminated quoted CSV field in row " + rows);
            }
            char ch = data.charAt(at++);
            if (ch == '"') {
                if (at < data.length() && data.charAt(at) == '"') {
                    scratch.append('"');
                    at++;
                    continue;
                }
                return scratch.toString();
            }
            scratch.append(ch);
        }
    }

    private String unescapeTab(int start, int end) {
        scratch.setLength(0);
        for (int i = start; i < end; i++) {
            char ch = data.charAt(i);
            if (ch == '\\' && i + 1 < end) {
                char next = data.charAt(++i);
                switch (next) {
                    case 't' -> scratch.append('\t');
                    case 'n' -> scratch.append('\n');
                    case 'r' -> scratch.append('\r');
                    case '0' -> scratch.append('\0');
                    case 'b' -> scratch.append('\b');
                    case 'f' -> scratch.append('\f');
                    case 'N' -> scratch.append("\\N");
                    default -> scratch.append(next);
                }
            } else {
                scratch.append(ch);
            }
        }
        return scratch.toString();
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

        /** A field after unescaping. */
        abstract void text(TypedDelimitedParser parser, String value, int row);

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
            values.append(parser.data.substring(start, end));
        }

        @Override
        void text(TypedDelimitedParser parser, String value, int row) {
            values.append(value);
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
            String data = parser.data;
            int length = end - start;
            if (length > 0 && length <= 18) {
                int i = start;
                boolean negative = data.charAt(i) == '-';
                if (negative && length > 1) {
                    i++;
                }
                long value = 0;
                for (; i < end; i++) {
                    char ch = data.charAt(i);
                    if (ch < '0' || ch > '9') {
                        break;
                    }
                    value = value * 10 + (ch - '0');
                }
                if (i == end && !(negative && length == 1)) {
                    long parsed = negative ? -value : value;
                    put(row, (negative && !type.signed()) || !type.fits(parsed, false) ? type.wrap(parsed) : parsed);
                    return;
                }
            }
            text(parser, data.substring(start, end), row);
        }

        @Override
        void text(TypedDelimitedParser parser, String value, int row) {
            put(row, TypeConversion.parseInteger(value, type));
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
            text(parser, parser.data.substring(start, end), row);
        }

        @Override
        void text(TypedDelimitedParser parser, String value, int row) {
            put(row, TextValues.parseDate(value));
        }
    }

    private static final class DateTimeSink extends LongSink {
        DateTimeSink(int expected) {
            super(expected);
        }

        @Override
        void range(TypedDelimitedParser parser, int start, int end, int row) {
            String data = parser.data;
            if (end - start == 19 && data.charAt(start + 10) == ' ') {
                long days = plainDate(data, start);
                int hour = twoDigits(data, start + 11);
                int minute = twoDigits(data, start + 14);
                int second = twoDigits(data, start + 17);
                if (days != Long.MIN_VALUE
                        && data.charAt(start + 13) == ':'
                        && data.charAt(start + 16) == ':'
                        && hour < 24
                        && minute < 60
                        && second < 60) {
                    put(row, days * 86400 + hour * 3600L + minute * 60L + second);
                    return;
                }
            }
            text(parser, data.substring(start, end), row);
        }

        @Override
        void text(TypedDelimitedParser parser, String value, int row) {
            put(row, TextValues.parseDateTime(value, TextValues.UTC));
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
            text(parser, parser.data.substring(start, end), row);
        }

        @Override
        void text(TypedDelimitedParser parser, String value, int row) {
            byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Column text = new StringColumn(bytes, new int[] {0, bytes.length}, null, 1);
            Column parsed = TypeConversion.cast(text, StringType.STRING, FloatType.FLOAT64, 1);
            put(row, ((DoubleColumn) parsed.materialize()).get(0));
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
    private static long plainDate(String data, int start) {
        if (data.charAt(start + 4) != '-' || data.charAt(start + 7) != '-') {
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

    private static int twoDigits(String data, int at) {
        char a = data.charAt(at);
        char b = data.charAt(at + 1);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return -10_000;
        }
        return (a - '0') * 10 + (b - '0');
    }
}
