package io.columba.executor.function.scalar;

import io.columba.executor.format.TextValues;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.Date32Type;
import io.columba.storage.type.DateTime64Type;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.EnumType;
import io.columba.storage.type.FixedStringType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IPv4Type;
import io.columba.storage.type.IPv6Type;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.LowCardinalityType;
import io.columba.storage.type.MapType;
import io.columba.storage.type.NothingType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.PhysicalType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.TupleType;
import io.columba.storage.type.UuidType;
import io.columba.storage.type.WideIntegerType;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/** Converts a column from one type to another with ClickHouse's rules (CAST, toT functions, INSERT coercion). */
public final class TypeConversion {
    private TypeConversion() {}

    public static Column cast(Column column, DataType from, DataType to, int rows) {
        if (from.equals(to)) {
            return column;
        }
        if (column instanceof ConstantColumn constant) {
            return new ConstantColumn(cast(constant.value(), from, to, 1), rows);
        }
        DataType source = from.withoutNullable();
        DataType target = to.withoutNullable();
        boolean[] nulls = column.nulls();
        if (nulls != null && !to.isNullable()) {
            // NULL into a non-Nullable type becomes the default value, as input_format_null_as_default does.
            nulls = null;
        }
        if (source instanceof NothingType) {
            boolean[] all = new boolean[rows];
            java.util.Arrays.fill(all, to.isNullable());
            return NullsColumn.defaults(target, to.isNullable() ? all : null, rows);
        }
        Column converted = convert(column, source, target, rows);
        return NullsColumn.withNulls(converted, to.isNullable() ? nulls : null);
    }

    private static Column convert(Column column, DataType source, DataType target, int rows) {
        if (source.equals(target)) {
            return column;
        }
        if (source instanceof DateTime64Type ticks
                && !(target instanceof DateTime64Type)
                && !(target instanceof StringType)) {
            if (target instanceof FloatType && column instanceof LongColumn longs) {
                double[] out = new double[rows];
                for (int i = 0; i < rows; i++) {
                    out[i] = longs.values()[i] / (double) ticks.scale();
                }
                return new DoubleColumn(out, null, rows);
            }
            column = seconds(column, ticks, rows);
            source = new DateTimeType(ticks.timeZone());
        }
        if (isComposite(source) || isComposite(target)) {
            if (target instanceof StringType && isComposite(source)) {
                return toText(column, source, rows);
            }
            return CompositeConversion.convert(column, source, target, rows);
        }
        if (ExactNumbers.isExact(source)
                && !(target instanceof StringType)
                && !ExactNumbers.isExact(target)
                && !(target instanceof FixedStringType)) {
            return ExactNumberConversion.fromExact(column, source, target, rows);
        }
        if ((source instanceof UuidType || source instanceof IPv6Type)
                && !(target instanceof StringType || target instanceof FixedStringType)
                && !(source instanceof IPv6Type && target instanceof IPv4Type)
                && !source.equals(target)) {
            throw cannot(source, target);
        }
        if (source instanceof Date32Type && (target instanceof DateType || target instanceof DateTimeType)) {
            column = clampToDate(column, rows);
            source = DateType.DATE;
        }
        return switch (target) {
            case IntegerType integer -> toInteger(column, source, integer, rows);
            case FloatType floating -> toFloat(column, source, floating, rows);
            case StringType ignored -> toText(column, source, rows);
            case DateType ignored -> toDate(column, source, rows);
            case DateTimeType dateTime -> toDateTime(column, source, dateTime, rows);
            case DateTime64Type dateTime64 -> toDateTime64(column, source, dateTime64, rows);
            case BoolType ignored -> toBool(column, source, rows);
            case NullableType nullable -> throw new IllegalStateException("Nullable stripped");
            case LowCardinalityType ignored -> throw new IllegalStateException("LowCardinality stripped");
            case NothingType ignored -> throw cannot(source, target);
            case DecimalType decimal -> ExactNumberConversion.toDecimal(column, source, decimal, rows);
            case WideIntegerType wide -> ExactNumberConversion.toWideInteger(column, source, wide, rows);
            case UuidType ignored -> DomainConversion.toUuid(column, source, rows);
            case IPv4Type ignored -> DomainConversion.toIPv4(column, source, rows);
            case IPv6Type ignored -> DomainConversion.toIPv6(column, source, rows);
            case EnumType enumType -> DomainConversion.toEnum(column, source, enumType, rows);
            case FixedStringType fixed -> DomainConversion.toFixedString(column, source, fixed, rows);
            case Date32Type ignored -> DomainConversion.toDate32(column, source, rows);
            case ArrayType ignored -> throw new IllegalStateException("handled above");
            case TupleType ignored -> throw new IllegalStateException("handled above");
            case MapType ignored -> throw new IllegalStateException("handled above");
            case io.columba.storage.type.AggregateFunctionType state -> {
                if (sameStates(source, state)) {
                    yield column;
                }
                throw cannot(source, target);
            }
            case io.columba.storage.type.IntervalType ignored -> {
                if (!NumericTypes.isNumeric(source) && !(source instanceof io.columba.storage.type.IntervalType)) {
                    throw cannot(source, target);
                }
                yield toInteger(column, source, IntegerType.INT64, rows);
            }
        };
    }

    /**
     * Whether states of {@code source} are states of {@code target} too: the same function over the same argument
     * types (Nullable and LowCardinality aside), or count's, whose state is the row count whatever it counts.
     */
    private static boolean sameStates(DataType source, io.columba.storage.type.AggregateFunctionType target) {
        if (!(source instanceof io.columba.storage.type.AggregateFunctionType state)
                || !state.function().equals(target.function())
                || !state.parameters().equals(target.parameters())) {
            return false;
        }
        if (state.function().equals("count")) {
            return true;
        }
        List<DataType> from =
                state.arguments().stream().map(DataType::withoutNullable).toList();
        List<DataType> to =
                target.arguments().stream().map(DataType::withoutNullable).toList();
        return from.equals(to);
    }

    /** Arrays, maps and tuples. */
    public static boolean isComposite(DataType type) {
        PhysicalType physical = type.physicalType();
        return physical == PhysicalType.ARRAY || physical == PhysicalType.TUPLE;
    }

    /** Date32 day numbers as Date day numbers: before 1970 is 1970-01-01, after 2149-06-06 is that day. */
    private static Column clampToDate(Column column, int rows) {
        long[] in = ((LongColumn) column).values();
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = Math.max(0, Math.min(65535, in[i]));
        }
        return new LongColumn(out, null, rows);
    }

    private static Column toInteger(Column column, DataType source, IntegerType target, int rows) {
        long[] out = new long[rows];
        switch (column) {
            case LongColumn longs -> {
                long[] in = longs.values();
                for (int i = 0; i < rows; i++) {
                    out[i] = target.wrap(in[i]);
                }
            }
            case DoubleColumn doubles -> {
                double[] in = doubles.values();
                for (int i = 0; i < rows; i++) {
                    out[i] = target.wrap(doubleToLong(in[i], target));
                }
            }
            case StringColumn strings -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = strings.isNull(i) ? 0 : parseInteger(strings.getString(i), target);
                }
            }
            default -> throw new IllegalStateException("not a scalar column: " + column);
        }
        return new LongColumn(out, null, rows);
    }

    private static long doubleToLong(double value, IntegerType target) {
        if (!target.signed() && target.bytes() == 8 && value >= 9.223372036854775807E18) {
            return (long) (value - 9.223372036854775807E18) + Long.MIN_VALUE;
        }
        return (long) value;
    }

    /** Parses an integer literal text into a type, refusing values that don't fit (ClickHouse's parse). */
    public static long parseInteger(String text, IntegerType target) {
        String value = text.strip();
        try {
            boolean unsigned64 = false;
            long parsed;
            if (!target.signed() && target.bytes() == 8 && !value.startsWith("-")) {
                parsed = Long.parseUnsignedLong(value.startsWith("+") ? value.substring(1) : value);
                unsigned64 = true;
            } else {
                parsed = Long.parseLong(value);
            }
            if (!target.fits(parsed, unsigned64)) {
                return target.wrap(parsed);
            }
            return parsed;
        } catch (NumberFormatException invalid) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_PARSE_TEXT,
                    "Cannot parse string '" + text + "' as " + target.name() + ": syntax error");
        }
    }

    private static Column toFloat(Column column, DataType source, FloatType target, int rows) {
        double[] out = new double[rows];
        boolean float32 = target.bytes() == 4;
        switch (column) {
            case LongColumn longs -> {
                long[] in = longs.values();
                boolean unsigned64 = source instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
                for (int i = 0; i < rows; i++) {
                    double value = unsigned64 ? unsignedToDouble(in[i]) : in[i];
                    out[i] = float32 ? (float) value : value;
                }
            }
            case DoubleColumn doubles -> {
                double[] in = doubles.values();
                for (int i = 0; i < rows; i++) {
                    out[i] = float32 ? (float) in[i] : in[i];
                }
            }
            case StringColumn strings -> {
                for (int i = 0; i < rows; i++) {
                    double value = strings.isNull(i) ? 0 : parseDouble(strings.getString(i), target);
                    out[i] = float32 ? (float) value : value;
                }
            }
            default -> throw new IllegalStateException("not a scalar column: " + column);
        }
        return new DoubleColumn(out, null, rows);
    }

    public static double unsignedToDouble(long value) {
        return value >= 0 ? value : ((value >>> 1) | (value & 1)) * 2.0;
    }

    public static double parseDouble(String text, DataType target) {
        String value = text.strip();
        switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "+inf", "infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            default -> {}
        }
        try {
            if (value.isEmpty() || Character.isLetter(value.charAt(value.length() - 1))) {
                throw new NumberFormatException(value);
            }
            return Double.parseDouble(value);
        } catch (NumberFormatException invalid) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse string '" + text + "' as " + target.name());
        }
    }

    private static Column toText(Column column, DataType source, int rows) {
        StringColumnBuilder out = new StringColumnBuilder(rows);
        for (int i = 0; i < rows; i++) {
            out.append(
                    column.isNull(i)
                            ? new byte[0]
                            : TextValues.plainText(column, source, i).getBytes(StandardCharsets.UTF_8));
        }
        return out.build();
    }

    private static Column toDate(Column column, DataType source, int rows) {
        long[] out = new long[rows];
        switch (column) {
            case LongColumn longs -> {
                long[] in = longs.values();
                if (source instanceof DateTimeType dateTime) {
                    ZoneId zone = TextValues.zone(dateTime.timeZone());
                    for (int i = 0; i < rows; i++) {
                        out[i] = DateTimes.toDays(in[i], zone);
                    }
                } else {
                    for (int i = 0; i < rows; i++) {
                        out[i] = in[i] > 65535 ? Math.floorDiv(in[i], 86400) : in[i];
                    }
                }
            }
            case DoubleColumn doubles -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = (long) doubles.values()[i];
                }
            }
            case StringColumn strings -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = strings.isNull(i) ? 0 : TextValues.parseDate(strings.getString(i));
                }
            }
            default -> throw new IllegalStateException("not a scalar column: " + column);
        }
        return new LongColumn(out, null, rows);
    }

    private static Column toDateTime(Column column, DataType source, DateTimeType target, int rows) {
        long[] out = new long[rows];
        ZoneId zone = TextValues.zone(target.timeZone());
        switch (column) {
            case LongColumn longs -> {
                long[] in = longs.values();
                boolean fromDate = source instanceof DateType;
                for (int i = 0; i < rows; i++) {
                    out[i] = fromDate ? DateTimes.startOfDaySeconds(in[i], zone) : in[i] & 0xFFFF_FFFFL;
                }
            }
            case DoubleColumn doubles -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = (long) doubles.values()[i];
                }
            }
            case StringColumn strings -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = strings.isNull(i) ? 0 : TextValues.parseDateTime(strings.getString(i), zone);
                }
            }
            default -> throw new IllegalStateException("not a scalar column: " + column);
        }
        return new LongColumn(out, null, rows);
    }

    /** Whole seconds of DateTime64 ticks (rounded down, as ClickHouse does). */
    private static Column seconds(Column column, DateTime64Type type, int rows) {
        long[] out = new long[rows];
        long[] in = ((LongColumn) column).values();
        for (int i = 0; i < rows; i++) {
            out[i] = Math.floorDiv(in[i], type.scale());
        }
        return new LongColumn(out, null, rows);
    }

    private static Column toDateTime64(Column column, DataType source, DateTime64Type target, int rows) {
        long[] out = new long[rows];
        long scale = target.scale();
        ZoneId zone = TextValues.zone(target.timeZone());
        switch (column) {
            case LongColumn longs -> {
                long[] in = longs.values();
                for (int i = 0; i < rows; i++) {
                    out[i] = switch (source) {
                        case DateType ignored -> DateTimes.startOfDaySeconds(in[i], zone) * scale;
                        case Date32Type ignored -> DateTimes.startOfDaySeconds(in[i], zone) * scale;
                        case DateTime64Type other -> rescale(in[i], other.scale(), scale);
                        default -> in[i] * scale;
                    };
                }
            }
            case DoubleColumn doubles -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = Math.round(doubles.values()[i] * scale);
                }
            }
            case StringColumn strings -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = strings.isNull(i)
                            ? 0
                            : TextValues.parseDateTime64(strings.getString(i), target.precision(), zone);
                }
            }
            default -> throw new IllegalStateException("not a scalar column: " + column);
        }
        return new LongColumn(out, null, rows);
    }

    private static long rescale(long ticks, long from, long to) {
        return from <= to ? ticks * (to / from) : Math.floorDiv(ticks, from / to);
    }

    private static Column toBool(Column column, DataType source, int rows) {
        long[] out = new long[rows];
        switch (column) {
            case LongColumn longs -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = longs.values()[i] != 0 ? 1 : 0;
                }
            }
            case DoubleColumn doubles -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = doubles.values()[i] != 0 ? 1 : 0;
                }
            }
            case StringColumn strings -> {
                for (int i = 0; i < rows; i++) {
                    String text =
                            strings.isNull(i) ? "false" : strings.getString(i).strip();
                    out[i] = switch (text.toLowerCase(java.util.Locale.ROOT)) {
                        case "true", "1", "yes", "on", "t", "y", "enable", "enabled" -> 1;
                        case "false", "0", "no", "off", "f", "n", "disable", "disabled" -> 0;
                        default ->
                            throw new ColumbaException(
                                    ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse boolean value here: '" + text + "'");
                    };
                }
            }
            default -> throw new IllegalStateException("not a scalar column: " + column);
        }
        return new LongColumn(out, null, rows);
    }

    private static ColumbaException cannot(DataType source, DataType target) {
        return new ColumbaException(
                ErrorCode.TYPE_MISMATCH,
                "Conversion from " + source.name() + " to " + target.name() + " is not supported");
    }
}
