package io.columba.executor.function.scalar;

import io.columba.executor.function.Kernel;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTime64Type;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.Arrays;
import java.util.List;

/** Epoch numbers and time zones: fromUnixTimestamp, toUnixTimestamp64*, toTimeZone, timezone, yesterday. */
public final class EpochFunctions {
    private EpochFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                                "fromUnixTimestamp",
                                "The DateTime of epoch seconds; with a format (and time zone), that time as"
                                        + " formatDateTime text.",
                                "SELECT fromUnixTimestamp(1710411630), FROM_UNIXTIME(1710411630, '%F')",
                                (types, args) -> {
                                    Operands.expectCount("fromUnixTimestamp", types, 1, 3);
                                    if (!(types.get(0) instanceof IntegerType)) {
                                        throw Operands.illegalType("fromUnixTimestamp", types.get(0), 1);
                                    }
                                    if (types.size() == 1) {
                                        return new Binding(
                                                DateTimeType.DATETIME,
                                                (columns, rows) -> TypeConversion.cast(
                                                        columns[0], types.get(0), IntegerType.UINT32, rows));
                                    }
                                    return DateFormatFunctions.bindFormat(
                                            "fromUnixTimestamp", types, args, DateTimeType.DATETIME);
                                })
                        .withAliases("FROM_UNIXTIME")
                        .ignoringCase(),
                toUnix64("toUnixTimestamp64Milli", 3),
                toUnix64("toUnixTimestamp64Micro", 6),
                toUnix64("toUnixTimestamp64Nano", 9),
                fromUnix64("fromUnixTimestamp64Milli", 3),
                fromUnix64("fromUnixTimestamp64Micro", 6),
                fromUnix64("fromUnixTimestamp64Nano", 9),
                SimpleScalarFunction.of(
                                "toTimeZone",
                                "The same moment as a DateTime shown in another time zone.",
                                "SELECT toTimeZone(toDateTime('2024-03-14 10:20:30', 'UTC'), 'Asia/Tokyo')",
                                (types, args) -> {
                                    Operands.expectCount("toTimeZone", types, 2, 2);
                                    String zone = ConversionFunctions.constantString("toTimeZone", args.get(1));
                                    io.columba.executor.format.TextValues.zone(zone);
                                    DataType source = types.get(0);
                                    DataType result = source instanceof DateTime64Type ticks
                                            ? new DateTime64Type(ticks.precision(), zone)
                                            : new DateTimeType(zone);
                                    if (!(source instanceof DateTimeType) && !(source instanceof DateTime64Type)) {
                                        throw Operands.illegalType("toTimeZone", source, 1);
                                    }
                                    return new Binding(result, (columns, rows) -> columns[0]);
                                })
                        .withAliases("toTimezone"),
                SimpleScalarFunction.of("timezone", "The server's time zone.", "SELECT timezone()", (types, args) -> {
                            Operands.expectCount("timezone", types, 0, 0);
                            return new Binding(StringType.STRING, (columns, rows) -> {
                                StringColumnBuilder out = new StringColumnBuilder(rows);
                                for (int i = 0; i < rows; i++) {
                                    out.append("UTC");
                                }
                                return out.build();
                            });
                        })
                        .withAliases("timeZone"),
                SimpleScalarFunction.of(
                        "yesterday",
                        "The day before today, as Date.",
                        "SELECT yesterday() < today()",
                        (types, args) -> {
                            Operands.expectCount("yesterday", types, 0, 0);
                            return new Binding(DateType.DATE, new Kernel() {
                                @Override
                                public Column apply(Column[] columns, int rows) {
                                    long[] out = new long[rows];
                                    Arrays.fill(out, Math.floorDiv(System.currentTimeMillis() / 1000, 86400) - 1);
                                    return new LongColumn(out, null, rows);
                                }

                                @Override
                                public boolean deterministic() {
                                    return false;
                                }
                            });
                        }));
    }

    private static SimpleScalarFunction toUnix64(String name, int precision) {
        long unit = (long) Math.pow(10, precision);
        return SimpleScalarFunction.of(
                name,
                "A DateTime64 as a count of 10^-" + precision + " seconds since the epoch (Int64).",
                "SELECT " + name + "(toDateTime64('2024-03-14 10:20:30.123', 3))",
                (types, args) -> {
                    Operands.expectCount(name, types, 1, 1);
                    if (!(types.get(0) instanceof DateTime64Type ticks)) {
                        throw Operands.illegalType(name, types.get(0), 1);
                    }
                    long scale = ticks.scale();
                    return new Binding(IntegerType.INT64, (columns, rows) -> {
                        long[] values = Operands.longs(columns[0], rows);
                        long[] out = new long[rows];
                        for (int i = 0; i < rows; i++) {
                            out[i] =
                                    unit >= scale ? values[i] * (unit / scale) : Math.floorDiv(values[i], scale / unit);
                        }
                        return new LongColumn(out, null, rows);
                    });
                });
    }

    private static SimpleScalarFunction fromUnix64(String name, int precision) {
        return SimpleScalarFunction.of(
                name,
                "The DateTime64(" + precision + ") of a count of 10^-" + precision + " seconds since the epoch.",
                "SELECT " + name + "(1710411630123)",
                (types, args) -> {
                    Operands.expectCount(name, types, 1, 2);
                    if (!(types.get(0) instanceof IntegerType)) {
                        throw Operands.illegalType(name, types.get(0), 1);
                    }
                    String zone = types.size() == 2 ? ConversionFunctions.constantString(name, args.get(1)) : null;
                    return new Binding(
                            new DateTime64Type(precision, zone),
                            (columns, rows) -> TypeConversion.cast(columns[0], types.get(0), IntegerType.INT64, rows));
                });
    }
}
