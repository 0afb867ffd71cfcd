package io.columba.executor.function.scalar;

import io.columba.executor.format.TextValues;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.LongColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.Date32Type;
import io.columba.storage.type.DateTime64Type;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.IntervalType;
import io.columba.storage.type.IntervalType.Unit;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Intervals and calendar arithmetic: {@code toIntervalDay(n)} ({@code INTERVAL n DAY}), a date or time plus or
 * minus an interval, and {@code addDays(t, n)}-style functions. Days and longer count in the value's time zone;
 * months clamp the day to the month's last day, as ClickHouse does.
 */
public final class IntervalFunctions {
    private IntervalFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> functions = new ArrayList<>();
        functions.add(SimpleScalarFunction.of(
                "toStartOfInterval",
                "The start of the interval of n units holding the time: toStartOfInterval(t, INTERVAL n UNIT[, tz])."
                        + " Seconds to hours count from the epoch in the time zone; days, weeks (from Mondays),"
                        + " months, quarters and years count calendar units.",
                "SELECT toStartOfInterval(toDateTime('2024-01-01 10:37:12'), INTERVAL 15 MINUTE)",
                IntervalFunctions::bindStartOfInterval));
        for (Unit unit : Unit.values()) {
            IntervalType type = new IntervalType(unit);
            String plural = unit.title() + "s";
            functions.add(SimpleScalarFunction.of(
                    "toInterval" + unit.title(),
                    "An interval of n " + plural.toLowerCase(Locale.ROOT) + "; INTERVAL n " + unit.name()
                            + " is the same.",
                    "SELECT toDate('2024-01-31') + toInterval" + unit.title() + "(1)",
                    (types, args) -> bindInterval("toInterval" + unit.title(), type, types)));
            functions.add(SimpleScalarFunction.of(
                    "add" + plural,
                    "The date or time plus n " + plural.toLowerCase(Locale.ROOT) + ".",
                    "SELECT add" + plural + "(toDateTime('2024-01-31 10:00:00'), 1)",
                    (types, args) -> bindAdd("add" + plural, unit, false, types)));
            functions.add(SimpleScalarFunction.of(
                    "subtract" + plural,
                    "The date or time minus n " + plural.toLowerCase(Locale.ROOT) + ".",
                    "SELECT subtract" + plural + "(toDateTime('2024-03-31 10:00:00'), 1)",
                    (types, args) -> bindAdd("subtract" + plural, unit, true, types)));
        }
        return functions;
    }

    private static Binding bindStartOfInterval(
            List<DataType> types, List<io.columba.executor.expression.BoundExpression> args) {
        Operands.expectCount("toStartOfInterval", types, 2, 3);
        DataType time = types.get(0);
        if (!isTemporal(time) || !(types.get(1) instanceof IntervalType interval)) {
            throw Operands.illegalTypes("toStartOfInterval", time, types.get(1));
        }
        if (!(args.get(1) instanceof io.columba.executor.expression.Constant count)
                || count.isNull()
                || count.longValue() <= 0) {
            throw new io.columba.storage.error.ColumbaException(
                    io.columba.storage.error.ErrorCode.ARGUMENT_OUT_OF_BOUND,
                    "Value for second argument of function toStartOfInterval must be a positive constant interval");
        }
        String zoneName =
                types.size() == 3 ? ConversionFunctions.constantString("toStartOfInterval", args.get(2)) : null;
        ZoneId zone = TextValues.zone(zoneName != null ? zoneName : zoneOf(time));
        long n = count.longValue();
        Unit unit = interval.unit();
        boolean days = time instanceof DateType || time instanceof Date32Type;
        DataType result = days
                ? (unit.ordinal() >= Unit.DAY.ordinal() ? time : DateTimeType.DATETIME)
                : (zoneName != null
                        ? new DateTimeType(zoneName)
                        : time instanceof DateTime64Type ticks ? new DateTimeType(ticks.timeZone()) : time);
        return new Binding(result, (columns, rows) -> {
            long[] values = Operands.longs(columns[0], rows);
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                long seconds = switch (time) {
                    case DateType ignored -> values[i] * 86400;
                    case Date32Type ignored -> values[i] * 86400;
                    case DateTime64Type ticks -> Math.floorDiv(values[i], ticks.scale());
                    default -> values[i];
                };
                long start = startOfInterval(seconds, days ? java.time.ZoneOffset.UTC : zone, unit, n);
                out[i] = result instanceof DateTimeType ? start : Math.floorDiv(start, 86400);
            }
            return new LongColumn(out, null, rows);
        });
    }

    private static String zoneOf(DataType time) {
        return switch (time) {
            case DateTimeType dateTime -> dateTime.timeZone();
            case DateTime64Type ticks -> ticks.timeZone();
            default -> null;
        };
    }

    /**
     * The epoch second the interval of {@code n} units holding {@code seconds} starts at, as ClickHouse's date
     * tables count: seconds to hours from the epoch, days from 1970-01-01, weeks from Monday 1970-01-05, months from
     * year 0, years from 1900; the calendar units in {@code zone}.
     */
    private static long startOfInterval(long seconds, ZoneId zone, Unit unit, long n) {
        if (unit.ordinal() < Unit.DAY.ordinal()) {
            long divisor = n * unit.seconds();
            return n == 1 ? DateTimes.floorToUnit(seconds, divisor, zone) : Math.floorDiv(seconds, divisor) * divisor;
        }
        long day = DateTimes.toDays(seconds, zone);
        long startDay = switch (unit) {
            case DAY -> Math.floorDiv(day, n) * n;
            case WEEK -> 4 + Math.floorDiv(day - 4, 7 * n) * 7 * n;
            case YEAR -> {
                int year = LocalDate.ofEpochDay(day).getYear();
                yield LocalDate.of((int) (1900 + Math.floorDiv(year - 1900, n) * n), 1, 1)
                        .toEpochDay();
            }
            default -> {
                LocalDate date = LocalDate.ofEpochDay(day);
                long months = date.getYear() * 12L + date.getMonthValue() - 1;
                long step = n * unit.months();
                long startMonth = Math.floorDiv(months, step) * step;
                yield LocalDate.of((int) Math.floorDiv(startMonth, 12), (int) Math.floorMod(startMonth, 12) + 1, 1)
                        .toEpochDay();
            }
        };
        return DateTimes.startOfDaySeconds(startDay, zone);
    }

    private static Binding bindInterval(String name, IntervalType type, List<DataType> types) {
        Operands.expectCount(name, types, 1, 1);
        DataType source = types.get(0);
        if (!NumericTypes.isNumeric(source)) {
            throw Operands.illegalType(name, source, 1);
        }
        return new Binding(type, (args, rows) -> TypeConversion.cast(args[0], source, IntegerType.INT64, rows));
    }

    private static Binding bindAdd(String name, Unit unit, boolean subtract, List<DataType> types) {
        Operands.expectCount(name, types, 2, 2);
        if (!isTemporal(types.get(0)) || !(types.get(1) instanceof IntegerType)) {
            throw Operands.illegalTypes(name, types.get(0), types.get(1));
        }
        return shift(types.get(0), unit, subtract, 0, 1, types.get(1));
    }

    static boolean isTemporal(DataType type) {
        return type instanceof DateType
                || type instanceof Date32Type
                || type instanceof DateTimeType
                || type instanceof DateTime64Type;
    }

    /** plus and minus of a date or time and an interval (either order for plus). */
    static Binding bindArithmetic(String name, boolean subtract, DataType left, DataType right) {
        if (isTemporal(left) && right instanceof IntervalType interval) {
            return shift(left, interval.unit(), subtract, 0, 1, right);
        }
        if (!subtract && left instanceof IntervalType interval && isTemporal(right)) {
            return shift(right, interval.unit(), false, 1, 0, left);
        }
        throw Operands.illegalTypes(name, left, right);
    }

    /** The binding that moves the time at argument {@code timeAt} by the count at {@code countAt}. */
    private static Binding shift(
            DataType timeType, Unit unit, boolean subtract, int timeAt, int countAt, DataType count) {
        DataType result = timeType;
        if ((timeType instanceof DateType || timeType instanceof Date32Type) && unit.ordinal() < Unit.DAY.ordinal()) {
            result = DateTimeType.DATETIME;
        }
        DataType resultType = result;
        return new Binding(resultType, (args, rows) -> {
            long[] times = Operands.longs(args[timeAt], rows);
            long[] counts = Operands.longs(TypeConversion.cast(args[countAt], count, IntegerType.INT64, rows), rows);
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                long amount = subtract ? -counts[i] : counts[i];
                out[i] = move(times[i], timeType, resultType, unit, amount);
            }
            return new LongColumn(out, null, rows);
        });
    }

    private static long move(long value, DataType type, DataType result, Unit unit, long amount) {
        return switch (type) {
            case DateType ignored -> moveDays(value, result, unit, amount);
            case Date32Type ignored -> moveDays(value, result, unit, amount);
            case DateTimeType dateTime -> moveSeconds(value, TextValues.zone(dateTime.timeZone()), unit, amount);
            case DateTime64Type ticks -> {
                long scale = ticks.scale();
                long seconds = Math.floorDiv(value, scale);
                long fraction = Math.floorMod(value, scale);
                yield moveSeconds(seconds, TextValues.zone(ticks.timeZone()), unit, amount) * scale + fraction;
            }
            default -> throw new IllegalStateException("not a date or time: " + type.name());
        };
    }

    private static long moveDays(long days, DataType result, Unit unit, long amount) {
        if (result instanceof DateTimeType) {
            return days * 86400 + amount * unit.seconds();
        }
        if (unit.isFixed()) {
            return days + amount * (unit.seconds() / 86400);
        }
        return LocalDate.ofEpochDay(days).plusMonths(amount * unit.months()).toEpochDay();
    }

    private static long moveSeconds(long seconds, ZoneId zone, Unit unit, long amount) {
        if (unit.ordinal() < Unit.DAY.ordinal()) {
            return seconds + amount * unit.seconds();
        }
        ZonedDateTime local = java.time.Instant.ofEpochSecond(seconds).atZone(zone);
        ZonedDateTime moved = unit.isFixed()
                ? local.plusDays(amount * (unit.seconds() / 86400))
                : local.plusMonths(amount * unit.months());
        return moved.toEpochSecond();
    }
}
