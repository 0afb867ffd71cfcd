package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.LongColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.IntegerType;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * More calendar fields: quarters, day of year, ISO and MySQL-mode weeks, relative unit numbers, toStartOfWeek and
 * toStartOfQuarter, each in the value's time zone or a time zone argument.
 */
public final class CalendarFunctions {
    private CalendarFunctions() {}

    /** A number computed from a local day number (and epoch seconds for the time-of-day units). */
    private interface DayField {
        long compute(long day, long seconds, long local, long mode);
    }

    public static List<ScalarFunction> all() {
        return List.of(
                field(
                        "toQuarter",
                        "The quarter, 1-4.",
                        IntegerType.UINT8,
                        (d, s, l, m) -> (date(d).getMonthValue() + 2) / 3),
                field(
                        "toDayOfYear",
                        "The day of the year, 1-366.",
                        IntegerType.UINT16,
                        (d, s, l, m) -> date(d).getDayOfYear()),
                field(
                        "toISOWeek",
                        "The ISO 8601 week number, 1-53.",
                        IntegerType.UINT8,
                        (d, s, l, m) -> date(d).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                field(
                        "toISOYear",
                        "The ISO 8601 week-numbering year.",
                        IntegerType.UINT16,
                        (d, s, l, m) -> date(d).get(IsoFields.WEEK_BASED_YEAR)),
                field(
                        "toYYYYMMDDhhmmss",
                        "Date and time as the number YYYYMMDDhhmmss.",
                        IntegerType.UINT64,
                        (d, s, l, m) -> {
                            LocalDate date = date(d);
                            long secondOfDay = l - d * 86400;
                            return (date.getYear() * 10000L + date.getMonthValue() * 100L + date.getDayOfMonth())
                                            * 1000000L
                                    + secondOfDay / 3600 * 10000
                                    + secondOfDay / 60 % 60 * 100
                                    + secondOfDay % 60;
                        }),
                field(
                        "toRelativeYearNum",
                        "The year, as a count from year 0.",
                        IntegerType.UINT16,
                        (d, s, l, m) -> date(d).getYear()),
                field(
                        "toRelativeQuarterNum",
                        "Quarters since year 0.",
                        IntegerType.UINT32,
                        (d, s, l, m) -> date(d).getYear() * 4L + (date(d).getMonthValue() - 1) / 3),
                field(
                        "toRelativeMonthNum",
                        "Months since year 0.",
                        IntegerType.UINT32,
                        (d, s, l, m) -> date(d).getYear() * 12L + date(d).getMonthValue()),
                field(
                        "toRelativeWeekNum",
                        "Weeks (from Mondays) since 1970-01-01's week.",
                        IntegerType.UINT32,
                        (d, s, l, m) -> Math.floorDiv(d + 8 - (Math.floorMod(d + 3, 7) + 1), 7)),
                field("toRelativeDayNum", "Days since 1970-01-01.", IntegerType.UINT32, (d, s, l, m) -> d),
                field(
                        "toRelativeHourNum",
                        "Hours since the epoch.",
                        IntegerType.UINT32,
                        (d, s, l, m) -> Math.floorDiv(s, 3600)),
                field(
                        "toRelativeMinuteNum",
                        "Minutes since the epoch.",
                        IntegerType.UINT32,
                        (d, s, l, m) -> Math.floorDiv(s, 60)),
                field("toRelativeSecondNum", "Seconds since the epoch.", IntegerType.UINT32, (d, s, l, m) -> s),
                moded(
                        "toWeek",
                        "The week number, 0-53, in one of MySQL's ten week modes (default 0).",
                        IntegerType.UINT8,
                        (d, s, l, m) -> Weeks.yearWeek(d, (int) m, false) % 100),
                moded(
                        "toYearWeek",
                        "Year and week number as YYYYWW, in one of MySQL's week modes (default 0).",
                        IntegerType.UINT32,
                        (d, s, l, m) -> Weeks.yearWeek(d, (int) m, true)),
                moded(
                        "toStartOfWeek",
                        "The first day of the week, as Date: Sunday, or Monday for odd modes.",
                        DateType.DATE,
                        (d, s, l, m) -> d - ((m & 1) == 1 ? Math.floorMod(d + 3, 7) : Math.floorMod(d + 4, 7))),
                field("toStartOfQuarter", "The first day of the quarter, as Date.", DateType.DATE, (d, s, l, m) -> {
                    LocalDate date = date(d);
                    return date.withDayOfMonth(1)
                            .withMonth((date.getMonthValue() - 1) / 3 * 3 + 1)
                            .toEpochDay();
                }),
                field(
                        "toStartOfISOYear",
                        "The first day of the ISO year, as Date.",
                        DateType.DATE,
                        (d, s, l, m) -> date(d).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1)
                                .with(java.time.temporal.ChronoField.DAY_OF_WEEK, 1)
                                .toEpochDay()));
    }

    private static LocalDate date(long day) {
        return LocalDate.ofEpochDay(day);
    }

    private static SimpleScalarFunction field(String name, String description, DataType result, DayField field) {
        return SimpleScalarFunction.of(
                name, description, "SELECT " + name + "(toDateTime('2024-03-14 10:20:30'))", (types, args) -> {
                    Operands.expectCount(name, types, 1, 2);
                    TimeArgument time = TimeArgument.of(name, types, args, 0, 1);
                    return new Binding(
                            result, (columns, rows) -> compute(time, types.get(0), columns, rows, field, null));
                });
    }

    private static SimpleScalarFunction moded(String name, String description, DataType result, DayField field) {
        return SimpleScalarFunction.of(
                name, description, "SELECT " + name + "(toDate('2024-03-14'), 1)", (types, args) -> {
                    Operands.expectCount(name, types, 1, 3);
                    if (types.size() > 1 && !(types.get(1) instanceof IntegerType)) {
                        throw Operands.illegalType(name, types.get(1), 2);
                    }
                    TimeArgument time = TimeArgument.of(name, types, args, 0, 2);
                    return new Binding(
                            result,
                            (columns, rows) -> compute(
                                    time, types.get(0), columns, rows, field, columns.length > 1 ? columns[1] : null));
                });
    }

    private static io.columba.storage.column.Column compute(
            TimeArgument time,
            DataType source,
            io.columba.storage.column.Column[] columns,
            int rows,
            DayField field,
            io.columba.storage.column.Column modes) {
        long[] seconds = time.seconds(columns[0], source, rows);
        long[] days = time.days(columns[0], source, rows);
        long[] mode = modes == null ? new long[rows] : Operands.longs(modes, rows);
        long[] out = new long[rows];
        java.time.zone.ZoneRules rules = time.zone().getRules();
        for (int i = 0; i < rows; i++) {
            long local = time.isDate()
                    ? days[i] * 86400
                    : seconds[i]
                            + rules.getOffset(java.time.Instant.ofEpochSecond(seconds[i]))
                                    .getTotalSeconds();
            out[i] = field.compute(days[i], seconds[i], local, mode[i]);
        }
        return new LongColumn(out, null, rows);
    }
}
