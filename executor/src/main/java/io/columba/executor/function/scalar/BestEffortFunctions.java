package io.columba.executor.function.scalar;

import io.columba.executor.format.TextValues;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.NullableType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** parseDateTimeBestEffort[US][OrNull|OrZero]: a DateTime from text in many common formats. */
public final class BestEffortFunctions {
    private BestEffortFunctions() {}

    private enum OnFailure {
        ERROR,
        NULL,
        ZERO
    }

    public static List<ScalarFunction> all() {
        List<ScalarFunction> functions = new ArrayList<>();
        for (boolean us : new boolean[] {false, true}) {
            for (OnFailure failure : OnFailure.values()) {
                functions.add(function(us, failure));
            }
        }
        return functions;
    }

    private static SimpleScalarFunction function(boolean us, OnFailure failure) {
        String name = "parseDateTimeBestEffort" + (us ? "US" : "")
                + switch (failure) {
                    case ERROR -> "";
                    case NULL -> "OrNull";
                    case ZERO -> "OrZero";
                };
        String description = "A DateTime read from text in ISO 8601, RFC 1123, YYYYMMDD[hhmmss], unix timestamp or"
                + (us ? " month-first" : " day-first") + " numeric forms, with month names, AM/PM and offsets"
                + switch (failure) {
                    case ERROR -> ".";
                    case NULL -> "; NULL when unreadable.";
                    case ZERO -> "; 1970-01-01 00:00:00 when unreadable.";
                };
        return SimpleScalarFunction.of(
                name, description, "SELECT " + name + "('Thu, 14 Mar 2024 10:20:30 GMT')", (types, args) -> {
                    StringOperands.expectStrings(name, types, 1, 2, 0, 1);
                    String zoneName = types.size() == 2 ? ConversionFunctions.constantString(name, args.get(1)) : null;
                    ZoneId zone = zoneName == null ? TextValues.UTC : TextValues.zone(zoneName);
                    DateTimeType type = new DateTimeType(zoneName);
                    return new Binding(
                            failure == OnFailure.NULL ? NullableType.of(type) : type,
                            (columns, rows) -> parse(columns[0], rows, zone, us, failure));
                });
    }

    private static Column parse(Column input, int rows, ZoneId zone, boolean us, OnFailure failure) {
        StringColumn texts = StringOperands.strings(input);
        long[] out = new long[rows];
        boolean[] nulls = failure == OnFailure.NULL ? new boolean[rows] : null;
        for (int i = 0; i < rows; i++) {
            try {
                out[i] = BestEffortDateTime.parse(texts.getString(StringOperands.row(input, i)), zone, us);
            } catch (ColumbaException | NumberFormatException | StringIndexOutOfBoundsException e) {
                if (failure == OnFailure.ERROR) {
                    throw e instanceof ColumbaException c
                            ? c
                            : new ColumbaException(
                                    io.columba.storage.error.ErrorCode.CANNOT_PARSE_DATETIME,
                                    "Cannot read DateTime from '" + texts.getString(StringOperands.row(input, i))
                                            + "'");
                }
                if (nulls != null) {
                    nulls[i] = true;
                }
            }
        }
        return new LongColumn(out, nulls, rows);
    }
}
