package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IPv4Type;
import io.columba.storage.type.IPv6Type;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.UuidType;
import java.util.ArrayList;
import java.util.List;

/** toInt32OrNull, toFloat64OrZero, toDateOrNull, toUUIDOrNull, toIPv4OrNull, ...: a conversion whose failures give NULL or the zero value. */
public final class OrNullConversions {
    private OrNullConversions() {}

    public static List<ScalarFunction> all() {
        List<DataType> targets = List.of(
                IntegerType.INT8,
                IntegerType.INT16,
                IntegerType.INT32,
                IntegerType.INT64,
                IntegerType.UINT8,
                IntegerType.UINT16,
                IntegerType.UINT32,
                IntegerType.UINT64,
                FloatType.FLOAT32,
                FloatType.FLOAT64,
                DateType.DATE,
                DateTimeType.DATETIME,
                UuidType.UUID,
                IPv4Type.IPV4,
                IPv6Type.IPV6);
        List<ScalarFunction> functions = new ArrayList<>();
        for (DataType target : targets) {
            functions.add(function(target, true));
            functions.add(function(target, false));
        }
        return functions;
    }

    private static SimpleScalarFunction function(DataType target, boolean orNull) {
        String name = "to" + target.name() + (orNull ? "OrNull" : "OrZero");
        String example = switch (target) {
            case DateType ignored -> "'2024-03-14'";
            case DateTimeType ignored -> "'2024-03-14 10:20:30'";
            case UuidType ignored -> "'61f0c404-5cb3-11e7-907b-a6006ad3dba0'";
            case IPv4Type ignored -> "'10.0.0.1'";
            case IPv6Type ignored -> "'2001:db8::1'";
            default -> "'12'";
        };
        return SimpleScalarFunction.of(
                name,
                "Converts to " + target.name() + "; a value that does not parse gives "
                        + (orNull ? "NULL." : "the zero value."),
                "SELECT " + name + "(" + example + "), " + name + "('x')",
                (types, args) -> {
                    Operands.expectCount(name, types, 1, 1);
                    DataType source = types.get(0);
                    DataType result = orNull ? NullableType.of(target) : target;
                    return new Binding(result, (columns, rows) -> convert(columns[0], source, target, rows, orNull));
                });
    }

    private static Column convert(Column column, DataType source, DataType target, int rows, boolean orNull) {
        try {
            Column converted = TypeConversion.cast(column, source, target, rows);
            return orNull ? NullsColumn.withNulls(converted.materialize(), null) : converted;
        } catch (ColumbaException wholeBlockFailed) {
            // Some row does not parse: convert row by row, keeping the rows that do.
            ColumnBuilder out = ColumnBuilder.forType(target, rows);
            Column plain = column.materialize();
            for (int i = 0; i < rows; i++) {
                Column one = plain.slice(i, 1);
                try {
                    out.appendFrom(TypeConversion.cast(one, source, target, 1), 0);
                } catch (ColumbaException failed) {
                    if (orNull) {
                        out.appendNull();
                    } else {
                        out.appendFrom(NullsColumn.defaults(target, null, 1), 0);
                    }
                }
            }
            return out.build();
        }
    }
}
