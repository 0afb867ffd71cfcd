package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.NullableType;
import java.util.List;

/**
 * accurateCast and accurateCastOrNull: CAST that refuses a number its target cannot hold (out of range, NaN or
 * infinite into an integer) instead of wrapping it; the OrNull form gives NULL for those and for unparsable text.
 */
public final class AccurateCastFunctions {
    private AccurateCastFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                        "accurateCast",
                        "Converts to the named type; a number out of the target's range is CANNOT_CONVERT_TYPE.",
                        "SELECT accurateCast(255, 'UInt8')",
                        (types, args) -> bind("accurateCast", types, args, false)),
                SimpleScalarFunction.of(
                        "accurateCastOrNull",
                        "Converts to Nullable of the named type; NULL when the value does not fit or parse.",
                        "SELECT accurateCastOrNull(-1, 'UInt8'), accurateCastOrNull('12', 'UInt8')",
                        (types, args) -> bind("accurateCastOrNull", types, args, true)));
    }

    private static Binding bind(
            String name,
            List<DataType> types,
            List<io.columba.executor.expression.BoundExpression> args,
            boolean orNull) {
        Operands.expectCount(name, types, 2, 2);
        DataType target = DataTypeParser.parse(ConversionFunctions.constantString(name, args.get(1)));
        DataType source = types.get(0);
        DataType result = orNull ? NullableType.of(target) : target;
        return new Binding(result, (columns, rows) -> {
            Column plain = columns[0].materialize();
            ColumnBuilder out = ColumnBuilder.forType(target, rows);
            for (int i = 0; i < rows; i++) {
                Column one = plain.slice(i, 1);
                if (fits(one, source, target)) {
                    try {
                        out.appendFrom(TypeConversion.cast(one, source, target, 1), 0);
                        continue;
                    } catch (ColumbaException failed) {
                        if (!orNull) {
                            throw failed;
                        }
                    }
                } else if (!orNull) {
                    throw new ColumbaException(
                            ErrorCode.CANNOT_CONVERT_TYPE,
                            "Value in column " + source.name() + " cannot be safely converted into type "
                                    + target.name());
                }
                out.appendNull();
            }
            Column built = out.build();
            return orNull ? NullsColumn.withNulls(built, built.nulls()) : built;
        });
    }

    /** Whether a numeric value lies within an integer or float target; other conversions are left to CAST. */
    private static boolean fits(Column value, DataType source, DataType target) {
        if (value.isNull(0) || !(target.withoutNullable() instanceof IntegerType integer)) {
            if (value instanceof DoubleColumn doubles && target.withoutNullable() instanceof FloatType floating) {
                double number = doubles.get(0);
                return floating.bytes() == 8
                        || Double.isNaN(number)
                        || Double.isInfinite(number)
                        || Math.abs(number) <= Float.MAX_VALUE;
            }
            return true;
        }
        if (value instanceof DoubleColumn doubles) {
            double number = doubles.get(0);
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                return false;
            }
            double truncated = number < 0 ? Math.ceil(number) : Math.floor(number);
            double low = integer.signed() ? -Math.pow(2, integer.bytes() * 8 - 1) : 0;
            double high = integer.signed() ? Math.pow(2, integer.bytes() * 8 - 1) : Math.pow(2, integer.bytes() * 8);
            return truncated >= low && truncated < high;
        }
        if (value instanceof LongColumn longs && source.withoutNullable() instanceof IntegerType from) {
            return integer.fits(longs.get(0), !from.signed() && from.bytes() == 8);
        }
        return true;
    }
}
