package io.columba.executor.function.scalar;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.Constant;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTime64Type;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.IntervalType.Unit;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** now64, timeSlot and age(unit, start, end): the current time to the sub-second, half hours, whole units elapsed. */
public final class TimeFunctions {
    private TimeFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                        "now64",
                        "The current time as DateTime64 of the given precision (default 3) and optional time zone.",
                        "SELECT now64() > toDateTime64('2020-01-01 00:00:00', 3)",
                        TimeFunctions::bindNow64),
                SimpleScalarFunction.of(
                        "timeSlot",
                        "The DateTime rounded down to the half hour.",
                        "SELECT timeSlot(toDateTime('2024-03-14 10:47:30'))",
                        (types, args) -> {
                            Operands.expectCount("timeSlot", types, 1, 1);
                            if (!(types.get(0) instanceof DateTimeType type)) {
                                throw Operands.illegalType("timeSlot", types.get(0), 1);
                            }
                            return new Binding(type, (columns, rows) -> {
                                long[] seconds = Operands.longs(columns[0].materialize(), rows);
                                long[] out = new long[rows];
                                for (int i = 0; i < rows; i++) {
                                    out[i] = Math.floorDiv(seconds[i], 1800) * 1800;
                                }
                                return new LongColumn(out, null, rows);
                            });
                        }),
                SimpleScalarFunction.of(
                        "age",
                        "The number of whole units (second ... year) elapsed from start to end, as Int32; unlike"
                                + " dateDiff, a unit counts only once it has fully passed.",
                        "SELECT age('month', toDate('2024-01-31'), toDate('2024-03-30'))",
                        TimeFunctions::bindAge));
    }

    private static Binding bindNow64(List<DataType> types, List<BoundExpression> args) {
        Operands.expectCount("now64", types, 0, 2);
        int precision = 3;
        if (!types.isEmpty()) {
            if (!(args.get(0) instanceof Constant constant)
                    || !(constant.type() instanceof IntegerType)
                    || constant.longValue() < 0
                    || constant.longValue() > 9) {
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                        "First argument of function now64 must be a constant precision from 0 to 9");
            }
            precision = (int) constant.longValue();
        }
        String zone = types.size() == 2 ? ConversionFunctions.constantString("now64", args.get(1)) : null;
        DateTime64Type type = new DateTime64Type(precision, zone);
        long scale = type.scale();
        return new Binding(type, ValueFunctions.nonDeterministic((columns, rows) -> {
            Instant now = Instant.now();
            long ticks = now.getEpochSecond() * scale + now.getNano() / (1_000_000_000L / scale);
            return new ConstantColumn(new LongColumn(new long[] {ticks}, null, 1), rows);
        }));
    }

    private static Binding bindAge(List<DataType> types, List<BoundExpression> args) {
        Operands.expectCount("age", types, 3, 4);
        Unit unit = DateArithmeticFunctions.unit("age", ConversionFunctions.constantString("age", args.get(0)));
        TimeArgument start = TimeArgument.of("age", types, args, 1, 3);
        TimeArgument end = TimeArgument.of("age", types, args, 2, 3);
        return new Binding(IntegerType.INT32, (columns, rows) -> {
            long[] from = start.seconds(columns[1], types.get(1), rows);
            long[] to = end.seconds(columns[2], types.get(2), rows);
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                LocalDateTime a = DateTimes.local(from[i], start.zone());
                LocalDateTime b = DateTimes.local(to[i], start.zone());
                out[i] = (int) elapsed(unit, a, b, to[i] - from[i]);
            }
            return new LongColumn(out, null, rows);
        });
    }

    /** Whole units from a to b (negative when b is earlier), truncated toward zero. */
    private static long elapsed(Unit unit, LocalDateTime a, LocalDateTime b, long seconds) {
        return switch (unit) {
            case SECOND -> seconds;
            case MINUTE -> seconds / 60;
            case HOUR -> seconds / 3600;
            case DAY -> days(a, b);
            case WEEK -> days(a, b) / 7;
            case MONTH -> months(a, b);
            case QUARTER -> months(a, b) / 3;
            case YEAR -> months(a, b) / 12;
        };
    }

    private static long days(LocalDateTime a, LocalDateTime b) {
        long days = b.toLocalDate().toEpochDay() - a.toLocalDate().toEpochDay();
        if (days > 0 && b.toLocalTime().isBefore(a.toLocalTime())) {
            days--;
        } else if (days < 0 && b.toLocalTime().isAfter(a.toLocalTime())) {
            days++;
        }
        return days;
    }

    private static long months(LocalDateTime a, LocalDateTime b) {
        long months = (b.getYear() - a.getYear()) * 12L + (b.getMonthValue() - a.getMonthValue());
        int order = compareWithinMonth(b, a);
        if (months > 0 && order < 0) {
            months--;
        } else if (months < 0 && order > 0) {
            months++;
        }
        return months;
    }

    /** Compares day of month and time of day. */
    private static int compareWithinMonth(LocalDateTime x, LocalDateTime y) {
        if (x.getDayOfMonth() != y.getDayOfMonth()) {
            return Integer.compare(x.getDayOfMonth(), y.getDayOfMonth());
        }
        return x.toLocalTime().compareTo(y.toLocalTime());
    }
}
