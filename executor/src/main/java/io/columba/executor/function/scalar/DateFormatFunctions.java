package io.columba.executor.function.scalar;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTime64Type;
import io.columba.storage.type.IntegerType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;

/** formatDateTime (DATE_FORMAT): a date or time as text by MySQL-style %-codes, as modern ClickHouse writes them. */
public final class DateFormatFunctions {
    private DateFormatFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(SimpleScalarFunction.of(
                        "formatDateTime",
                        "A date or time as text by a format of %-codes (%Y %m %d %H %i %S %F %T %z %M month name ...)"
                                + " in the value's or a given time zone.",
                        "SELECT formatDateTime(toDateTime('2024-03-14 10:20:30'), '%FT%T.000%z')",
                        (types, args) -> bindFormat("formatDateTime", types, args, null))
                .withAliases("DATE_FORMAT")
                .ignoringCase());
    }

    /** Binds (time, format[, time zone]); {@code numbersAs} reads an integer first argument as that type. */
    static Binding bindFormat(String name, List<DataType> types, List<BoundExpression> args, DataType numbersAs) {
        Operands.expectCount(name, types, 2, 3);
        List<DataType> timeTypes = types;
        if (numbersAs != null && types.get(0) instanceof IntegerType) {
            timeTypes = new java.util.ArrayList<>(types);
            timeTypes.set(0, numbersAs);
        }
        TimeArgument time = TimeArgument.of(name, timeTypes, args, 0, 2);
        String format = ConversionFunctions.constantString(name, args.get(1));
        DataType source = types.get(0);
        DataType read = timeTypes.get(0);
        int precision = read instanceof DateTime64Type ticks ? ticks.precision() : 0;
        return new Binding(io.columba.storage.type.StringType.STRING, (columns, rows) -> {
            io.columba.storage.column.Column values = TypeConversion.cast(columns[0], source, read, rows);
            long[] seconds = time.seconds(values, read, rows);
            long[] raw = read instanceof DateTime64Type ? Operands.longs(values, rows) : null;
            StringColumnBuilder out = new StringColumnBuilder(rows);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                int offset = time.isDate()
                        ? 0
                        : time.zone()
                                .getRules()
                                .getOffset(java.time.Instant.ofEpochSecond(seconds[i]))
                                .getTotalSeconds();
                LocalDateTime local = LocalDateTime.ofEpochSecond(seconds[i], 0, ZoneOffset.ofTotalSeconds(offset));
                long fraction = raw == null ? 0 : Math.floorMod(raw[i], ((DateTime64Type) read).scale());
                text.setLength(0);
                format(format, local, offset, time, fraction, precision, text);
                out.append(text.toString());
            }
            return out.build();
        });
    }

    private static void format(
            String format,
            LocalDateTime t,
            int offset,
            TimeArgument time,
            long fraction,
            int precision,
            StringBuilder out) {
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char code = format.charAt(++i);
            switch (code) {
                case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'b' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'c', 'm' -> two(out, t.getMonthValue());
                case 'C' -> two(out, t.getYear() / 100);
                case 'd' -> two(out, t.getDayOfMonth());
                case 'D' -> {
                    two(out, t.getMonthValue());
                    out.append('/');
                    two(out, t.getDayOfMonth());
                    out.append('/');
                    two(out, t.getYear() % 100);
                }
                case 'e' -> out.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth());
                case 'f' -> {
                    // The fraction in the value's precision; six zeros for a value without one.
                    String digits = precision == 0 ? "000000" : Long.toString(fraction);
                    out.append("0".repeat(Math.max(0, precision - digits.length())))
                            .append(digits);
                }
                case 'F' -> {
                    four(out, t.getYear());
                    out.append('-');
                    two(out, t.getMonthValue());
                    out.append('-');
                    two(out, t.getDayOfMonth());
                }
                case 'g' -> two(out, t.get(IsoFields.WEEK_BASED_YEAR) % 100);
                case 'G' -> four(out, t.get(IsoFields.WEEK_BASED_YEAR));
                case 'h', 'I' -> two(out, hour12(t));
                case 'H' -> two(out, t.getHour());
                case 'i' -> two(out, t.getMinute());
                case 'j' -> out.append(String.format(Locale.ROOT, "%03d", t.getDayOfYear()));
                case 'k' -> two(out, t.getHour());
                case 'l' -> two(out, hour12(t));
                case 'M' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'n' -> out.append('\n');
                case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
                case 'Q' -> out.append((t.getMonthValue() + 2) / 3);
                case 'r' -> {
                    two(out, hour12(t));
                    out.append(':');
                    two(out, t.getMinute());
                    out.append(t.getHour() < 12 ? " AM" : " PM");
                }
                case 'R' -> {
                    two(out, t.getHour());
                    out.append(':');
                    two(out, t.getMinute());
                }
                case 's', 'S' -> two(out, t.getSecond());
                case 't' -> out.append('\t');
                case 'T' -> {
                    two(out, t.getHour());
                    out.append(':');
                    two(out, t.getMinute());
                    out.append(':');
                    two(out, t.getSecond());
                }
                case 'u' -> out.append(t.getDayOfWeek().getValue());
                case 'V' -> two(out, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case 'w' -> out.append(t.getDayOfWeek().getValue() % 7);
                case 'W' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'y' -> two(out, t.getYear() % 100);
                case 'Y' -> four(out, t.getYear());
                case 'z' -> {
                    int minutes = Math.abs(offset) / 60;
                    out.append(offset < 0 ? '-' : '+');
                    two(out, minutes / 60);
                    two(out, minutes % 60);
                }
                case 'Z' ->
                    out.append(
                            time.zone().getId().equals("Z")
                                    ? "UTC"
                                    : time.zone().getId());
                case '%' -> out.append('%');
                default ->
                    throw new ColumbaException(
                            ErrorCode.BAD_ARGUMENTS, "Invalid format string for formatDateTime: unknown code %" + code);
            }
        }
    }

    private static int hour12(LocalDateTime t) {
        int hour = t.getHour() % 12;
        return hour == 0 ? 12 : hour;
    }

    private static void two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }

    private static void four(StringBuilder out, int value) {
        out.append(String.format(Locale.ROOT, "%04d", value));
    }
}
