package io.columba.executor.function.scalar;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.format.TextValues;
import io.columba.storage.column.Column;
import io.columba.storage.type.DataType;
import io.columba.storage.type.Date32Type;
import io.columba.storage.type.DateTime64Type;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.StringType;
import java.time.ZoneId;
import java.util.List;

/**
 * A Date, Date32, DateTime or DateTime64 argument of a calendar function and the time zone it is read in: the
 * value's own, or a constant time zone argument.
 */
record TimeArgument(DataType type, ZoneId zone) {

    /** The time argument at {@code position} with the optional time zone argument at {@code zoneAt}. */
    static TimeArgument of(
            String function, List<DataType> types, List<BoundExpression> arguments, int position, int zoneAt) {
        DataType type = types.get(position);
        if (type instanceof StringType) {
            type = DateTimeType.DATETIME;
        }
        if (!IntervalFunctions.isTemporal(type)) {
            throw Operands.illegalType(function, types.get(position), position + 1);
        }
        String zoneName = switch (type) {
            case DateTimeType dateTime -> dateTime.timeZone();
            case DateTime64Type ticks -> ticks.timeZone();
            default -> null;
        };
        if (zoneAt < types.size()) {
            zoneName = ConversionFunctions.constantString(function, arguments.get(zoneAt));
        }
        return new TimeArgument(type, zoneName == null ? TextValues.UTC : TextValues.zone(zoneName));
    }

    boolean isDate() {
        return type instanceof DateType || type instanceof Date32Type;
    }

    /** The zone's name for a DateTime result, or null for the default zone. */
    String zoneName() {
        return zone == TextValues.UTC ? null : zone.getId();
    }

    /** Epoch seconds of each row (a date at its start of day in the zone). */
    long[] seconds(Column column, DataType source, int rows) {
        long[] values = Operands.longs(TypeConversion.cast(column, source, type, rows), rows)
                .clone();
        for (int i = 0; i < rows; i++) {
            values[i] = switch (type) {
                case DateType ignored -> DateTimes.startOfDaySeconds(values[i], zone);
                case Date32Type ignored -> DateTimes.startOfDaySeconds(values[i], zone);
                case DateTime64Type ticks -> Math.floorDiv(values[i], ticks.scale());
                default -> values[i];
            };
        }
        return values;
    }

    /** The local day number of each row in the zone. */
    long[] days(Column column, DataType source, int rows) {
        long[] values = Operands.longs(TypeConversion.cast(column, source, type, rows), rows)
                .clone();
        if (isDate()) {
            return values;
        }
        long scale = type instanceof DateTime64Type ticks ? ticks.scale() : 1;
        for (int i = 0; i < rows; i++) {
            values[i] = DateTimes.toDays(Math.floorDiv(values[i], scale), zone);
        }
        return values;
    }
}
