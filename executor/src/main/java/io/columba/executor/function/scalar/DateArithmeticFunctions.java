package io.columba.executor.function.scalar;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.function.Kernel;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.IntervalType;
import io.columba.storage.type.IntervalType.Unit;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** dateDiff, dateTrunc, dateAdd/dateSub, timestampAdd/timestampSub: calendar arithmetic named by a unit. */
public final class DateArithmeticFunctions {
    private DateArithmeticFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                                "dateDiff",
                                "The number of unit boundaries (second ... year) between two dates or times: the"
                                        + " difference of their toRelative*Num in their time zones.",
                                "SELECT dateDiff('day', toDate('2024-01-01'), toDate('2024-03-01'))",
                                DateArithmeticFunctions::bindDiff)
                        .withAliases("date_diff", "timestampDiff", "timestamp_diff")
                        .ignoringCase(),
                SimpleScalarFunction.of(
                                "dateTrunc",
                                "The date or time truncated to a unit: second, minute, hour (DateTime), day, week"
                                        + " (Monday), month, quarter, year (the argument's type).",
                                "SELECT dateTrunc('month', toDateTime('2024-03-14 10:20:30'))",
                                DateArithmeticFunctions::bindTrunc)
                        .withAliases("date_trunc")
                        .ignoringCase(),
                add("dateAdd", false).withAliases("date_add").ignoringCase(),
                add("dateSub", true).withAliases("date_sub").ignoringCase(),
                add("timestampAdd", false).withAliases("timestamp_add").ignoringCase(),
                add("timestampSub", true).withAliases("timestamp_sub").ignoringCase());
    }

    /** A unit name as dateDiff, dateTrunc and dateAdd accept it (singular, plural or SQL abbreviation). */
    static Unit unit(String function, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "second", "seconds", "ss", "s" -> Unit.SECOND;
            case "minute", "minutes", "mi", "n" -> Unit.MINUTE;
            case "hour", "hours", "hh", "h" -> Unit.HOUR;
            case "day", "days", "dd", "d" -> Unit.DAY;
            case "week", "weeks", "wk", "ww" -> Unit.WEEK;
            case "month", "months", "mm", "m" -> Unit.MONTH;
            case "quarter", "quarters", "qq", "q" -> Unit.QUARTER;
            case "year", "years", "yyyy", "yy" -> Unit.YEAR;
            default ->
                throw new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS, "Function " + function + " does not support '" + text + "' unit");
        };
    }

    private static Binding bindDiff(List<DataType> types, List<BoundExpression> args) {
        Operands.expectCount("dateDiff", types, 3, 4);
        Unit unit = unit("dateDiff", ConversionFunctions.constantString("dateDiff", args.get(0)));
        TimeArgument start = TimeArgument.of("dateDiff", types, args, 1, 3);
        TimeArgument end = TimeArgument.of("dateDiff", types, args, 2, 3);
        return new Binding(IntegerType.INT64, (columns, rows) -> {
            long[] from = relative(start, columns[1], types.get(1), unit, rows);
            long[] to = relative(end, columns[2], types.get(2), unit, rows);
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = to[i] - from[i];
            }
            return new LongColumn(out, null, rows);
        });
    }

    /** toRelative{Unit}Num of each row. */
    private static long[] relative(TimeArgument time, Column column, DataType source, Unit unit, int rows) {
        long[] seconds = time.seconds(column, source, rows);
        long[] days = time.days(column, source, rows);
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            long day = days[i];
            out[i] = switch (unit) {
                case SECOND -> seconds[i];
                case MINUTE -> Math.floorDiv(seconds[i], 60);
                case HOUR -> Math.floorDiv(seconds[i], 3600);
                case DAY -> day;
                case WEEK -> Math.floorDiv(day + 8 - (Math.floorMod(day + 3, 7) + 1), 7);
                case MONTH -> monthNumber(day);
                case QUARTER -> Math.floorDiv(monthNumber(day) - 1, 3);
                case YEAR -> LocalDate.ofEpochDay(day).getYear();
            };
        }
        return out;
    }

    private static long monthNumber(long day) {
        LocalDate date = LocalDate.ofEpochDay(day);
        return date.getYear() * 12L + date.getMonthValue();
    }

    private static Binding bindTrunc(List<DataType> types, List<BoundExpression> args) {
        Operands.expectCount("dateTrunc", types, 2, 3);
        Unit unit = unit("dateTrunc", ConversionFunctions.constantString("dateTrunc", args.get(0)));
        TimeArgument time = TimeArgument.of("dateTrunc", types, args, 1, 2);
        boolean timeUnit = unit.ordinal() < Unit.DAY.ordinal();
        DataType result = time.isDate() && !timeUnit ? DateType.DATE : new DateTimeType(time.zoneName());
        return new Binding(result, (columns, rows) -> {
            long[] seconds = time.seconds(columns[1], types.get(1), rows);
            long[] days = time.days(columns[1], types.get(1), rows);
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                if (timeUnit) {
                    out[i] = DateTimes.floorToUnit(seconds[i], unit.seconds(), time.zone());
                    continue;
                }
                long day = startDay(days[i], unit);
                out[i] = result instanceof DateType ? day : DateTimes.startOfDaySeconds(day, time.zone());
            }
            return new LongColumn(out, null, rows);
        });
    }

    private static long startDay(long day, Unit unit) {
        LocalDate date = LocalDate.ofEpochDay(day);
        return switch (unit) {
            case WEEK -> day - Math.floorMod(day + 3, 7);
            case MONTH -> date.withDayOfMonth(1).toEpochDay();
            case QUARTER ->
                date.withDayOfMonth(1)
                        .withMonth((date.getMonthValue() - 1) / 3 * 3 + 1)
                        .toEpochDay();
            case YEAR -> date.withDayOfYear(1).toEpochDay();
            default -> day;
        };
    }

    private static SimpleScalarFunction add(String name, boolean subtract) {
        return SimpleScalarFunction.of(
                name,
                "The date or time " + (subtract ? "minus" : "plus") + " an interval: " + name + "(unit, n, t) or "
                        + name + "(t, INTERVAL n unit).",
                "SELECT " + name + "('day', 3, toDate('2024-03-14')), " + name
                        + "(toDate('2024-03-14'), INTERVAL 1 MONTH)",
                (types, args) -> {
                    Operands.expectCount(name, types, 2, 3);
                    if (types.size() == 2) {
                        return IntervalFunctions.bindArithmetic(name, subtract, types.get(0), types.get(1));
                    }
                    Unit unit = unit(name, ConversionFunctions.constantString(name, args.get(0)));
                    IntervalType interval = new IntervalType(unit);
                    DataType count = types.get(1);
                    if (!(count instanceof IntegerType)) {
                        throw Operands.illegalType(name, count, 2);
                    }
                    Binding inner = IntervalFunctions.bindArithmetic(name, subtract, types.get(2), interval);
                    Kernel kernel = inner.kernel();
                    return new Binding(
                            inner.returnType(),
                            (columns, rows) -> kernel.apply(
                                    new Column[] {columns[2], TypeConversion.cast(columns[1], count, interval, rows)},
                                    rows));
                });
    }
}
