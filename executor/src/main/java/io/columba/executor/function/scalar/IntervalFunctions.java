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
