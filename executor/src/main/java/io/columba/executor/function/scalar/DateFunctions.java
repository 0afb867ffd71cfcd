package io.columba.executor.function.scalar;

import io.columba.executor.format.TextValues;
import io.columba.executor.function.Kernel;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.LongColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Calendar functions over Date and DateTime, in the column's time zone (UTC by default). */
public final class DateFunctions {
    private DateFunctions() {}

    /** A calendar field or rounding of a local date-time. */
    private interface LocalField {
        long compute(long value, boolean isDate, ZoneId zone);
    }

    public static List<ScalarFunction> all() {
        return List.of(
                rounding("toStartOfHour", "Rounds a DateTime down to the hour.", 3600),
                rounding("toStartOfMinute", "Rounds a DateTime down to the minute.", 60),
                rounding("toStartOfFiveMinutes", "Rounds a DateTime down to five minutes.", 300),
                rounding("toStartOfFifteenMinutes", "Rounds a DateTime down to fifteen minutes.", 900),
                SimpleScalarFunction.of(
                        "toStartOfDay",
                        "Midnight of the day, as DateTime.",
                        "SELECT toStartOfDay(toDateTime('2024-03-01 10:20:30'))",
                        (types, args) -> bindTemporal(
                                "toStartOfDay",
                                types,
                                true,
                                (v, isDate, zone) -> isDate
                                        ? DateTimes.startOfDaySeconds(v, zone)
                                        : DateTimes.startOfDaySeconds(DateTimes.toDays(v, zone), zone))),
                dateField("toMonday", "The Monday of the week, as Date.", (v, isDate, zone) -> {
                    long days = isDate ? v : DateTimes.toDays(v, zone);
                    return days - Math.floorMod(days + 3, 7);
                }),
                dateField(
                        "toStartOfMonth",
                        "The first day of the month, as Date.",
                        (v, isDate, zone) -> LocalDate.ofEpochDay(isDate ? v : DateTimes.toDays(v, zone))
                                .withDayOfMonth(1)
                                .toEpochDay()),
                dateField(
                        "toStartOfYear",
                        "The first day of the year, as Date.",
                        (v, isDate, zone) -> LocalDate.ofEpochDay(isDate ? v : DateTimes.toDays(v, zone))
                                .withDayOfYear(1)
                                .toEpochDay()),
                field(
                        "toYear",
                        "The year.",
                        IntegerType.UINT16,
                        (v, isDate, zone) -> date(v, isDate, zone).getYear()),
                field(
                        "toMonth",
                        "The month, 1-12.",
                        IntegerType.UINT8,
                        (v, isDate, zone) -> date(v, isDate, zone).getMonthValue()),
                field(
                        "toDayOfMonth",
                        "The day of the month, 1-31.",
                        IntegerType.UINT8,
                        (v, isDate, zone) -> date(v, isDate, zone).getDayOfMonth()),
                field(
                        "toDayOfWeek",
                        "The day of the week, Monday 1 to Sunday 7.",
                        IntegerType.UINT8,
                        (v, isDate, zone) ->
                                date(v, isDate, zone).getDayOfWeek().getValue()),
                field(
                        "toHour",
                        "The hour, 0-23.",
                        IntegerType.UINT8,
                        (v, isDate, zone) ->
                                isDate ? 0 : DateTimes.local(v, zone).getHour()),
                field(
                        "toMinute",
                        "The minute, 0-59.",
                        IntegerType.UINT8,
                        (v, isDate, zone) ->
                                isDate ? 0 : DateTimes.local(v, zone).getMinute()),
                field(
                        "toSecond",
                        "The second, 0-59.",
                        IntegerType.UINT8,
                        (v, isDate, zone) ->
                                isDate ? 0 : DateTimes.local(v, zone).getSecond()),
                field("toYYYYMM", "Year and month as a number, 202403.", IntegerType.UINT32, (v, isDate, zone) -> {
                    LocalDate date = date(v, isDate, zone);
                    return date.getYear() * 100L + date.getMonthValue();
                }),
                field(
                        "toYYYYMMDD",
                        "Year, month and day as a number, 20240301.",
                        IntegerType.UINT32,
                        (v, isDate, zone) -> {
                            LocalDate date = date(v, isDate, zone);
                            return date.getYear() * 10000L + date.getMonthValue() * 100L + date.getDayOfMonth();
                        }),
                field(
                        "toUnixTimestamp",
                        "Seconds since the epoch.",
                        IntegerType.UINT32,
                        (v, isDate, zone) -> isDate ? DateTimes.startOfDaySeconds(v, zone) : v),
                SimpleScalarFunction.of(
                        "now",
                        "The current time, as DateTime.",
                        "SELECT now() > toDateTime('2020-01-01 00:00:00')",
                        (types, args) -> {
                            Operands.expectCount("now", types, 0, 0);
                            return new Binding(DateTimeType.DATETIME, new Kernel() {
                                @Override
                                public io.columba.storage.column.Column apply(
                                        io.columba.storage.column.Column[] a, int rows) {
                                    long now = System.currentTimeMillis() / 1000;
                                    long[] out = new long[rows];
                                    java.util.Arrays.fill(out, now);
                                    return new LongColumn(out, null, rows);
                                }

                                @Override
                                public boolean deterministic() {
                                    return false;
                                }
                            });
                        }),
                SimpleScalarFunction.of(
                        "today",
                        "The current date, as Date.",
                        "SELECT today() > toDate('2020-01-01')",
                        (types, args) -> {
                            Operands.expectCount("today", types, 0, 0);
                            return new Binding(DateType.DATE, new Kernel() {
                                @Override
                                public io.columba.storage.column.Column apply(
                                        io.columba.storage.column.Column[] a, int rows) {
                                    long today = Math.floorDiv(System.currentTimeMillis() / 1000, 86400);
                                    long[] out = new long[rows];
                                    java.util.Arrays.fill(out, today);
                                    return new LongColumn(out, null, rows);
                                }

                                @Override
                                public boolean deterministic() {
                                    return false;
                                }
                            });
                        }));
    }

    private static LocalDate date(long value, boolean isDate, ZoneId zone) {
        return LocalDate.ofEpochDay(isDate ? value : DateTimes.toDays(value, zone));
    }

    private static ScalarFunction rounding(String name, String description, long unit) {
        return SimpleScalarFunction.of(
                name,
                description,
                "SELECT " + name + "(toDateTime('2024-03-01 10:23:45'))",
                (types, args) -> bindTemporal(
                        name,
                        types,
                        true,
                        (v, isDate, zone) ->
                                DateTimes.floorToUnit(isDate ? DateTimes.startOfDaySeconds(v, zone) : v, unit, zone)));
    }

    private static ScalarFunction dateField(String name, String description, LocalField field) {
        return SimpleScalarFunction.of(
                name,
                description,
                "SELECT " + name + "(toDate('2024-03-14'))",
                (types, args) -> bindTemporal(name, types, false, field));
    }

    private static ScalarFunction field(String name, String description, IntegerType result, LocalField field) {
        return SimpleScalarFunction.of(
                name, description, "SELECT " + name + "(toDateTime('2024-03-14 10:20:30'))", (types, args) -> {
                    Binding binding = bindTemporal(name, types, false, field);
                    return new Binding(result, binding.kernel());
                });
    }

    /** Binds a one-argument calendar function; the result is DateTime (same zone) or Date. */
    private static Binding bindTemporal(String name, List<DataType> types, boolean returnsDateTime, LocalField field) {
        Operands.expectCount(name, types, 1, 2);
        DataType argument = types.get(0);
        if (argument instanceof StringType) {
            argument = DateTimeType.DATETIME;
        }
        if (argument instanceof io.columba.storage.type.DateTime64Type ticks) {
            argument = new DateTimeType(ticks.timeZone());
        }
        if (!(argument instanceof DateType) && !(argument instanceof DateTimeType)) {
            throw Operands.illegalType(name, types.get(0), 1);
        }
        boolean isDate = argument instanceof DateType;
        ZoneId zone = argument instanceof DateTimeType dateTime ? TextValues.zone(dateTime.timeZone()) : TextValues.UTC;
        DataType result =
                returnsDateTime ? (argument instanceof DateTimeType ? argument : DateTimeType.DATETIME) : DateType.DATE;
        DataType source = types.get(0);
        DataType converted = argument;
        return new Binding(result, (args, rows) -> {
            long[] in = Operands.longs(TypeConversion.cast(args[0], source, converted, rows), rows);
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = field.compute(in[i], isDate, zone);
            }
            return new LongColumn(out, null, rows);
        });
    }
}
