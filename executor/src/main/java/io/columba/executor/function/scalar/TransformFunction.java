package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** transform(x, [from], [to][, default]): x mapped through two parallel arrays, else the default (or x). */
public final class TransformFunction {
    private TransformFunction() {}

    public static List<ScalarFunction> all() {
        return List.of(SimpleScalarFunction.of(
                "transform",
                "Replaces x by the element of the third array at the position of x in the second array; values not"
                        + " found give the fourth argument, or x itself when there are three arguments.",
                "SELECT transform('b', ['a', 'b'], ['first', 'second'], 'other')",
                (types, args) -> bind(types)));
    }

    private static Binding bind(List<DataType> types) {
        Operands.expectCount("transform", types, 3, 4);
        if (!(types.get(1) instanceof ArrayType from)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Second argument of function transform, must be array of source values to transform from.");
        }
        if (!(types.get(2) instanceof ArrayType to)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Third argument of function transform, must be array of destination values to transform to.");
        }
        DataType input = types.get(0);
        DataType keyType = NumericTypes.commonType(input, from.element());
        DataType result = NumericTypes.commonType(types.size() == 4 ? types.get(3) : input, to.element());
        return new Binding(result, (columns, rows) -> {
            Column keys = TypeConversion.cast(columns[0], input, keyType, rows);
            Column fromElements = elements(columns[1]);
            Column toElements = elements(columns[2]);
            Column fromValues = TypeConversion.cast(fromElements, from.element(), keyType, fromElements.size());
            Column toValues = TypeConversion.cast(toElements, to.element(), result, toElements.size());
            Column fallback = types.size() == 4
                    ? TypeConversion.cast(columns[3], types.get(3), result, rows)
                    : TypeConversion.cast(columns[0], input, result, rows);
            return apply(keys, fromValues, toValues, fallback, result, rows);
        });
    }

    /** The element column of a constant array argument's one row. */
    private static Column elements(Column column) {
        if (!(column instanceof ConstantColumn constant)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_COLUMN, "The second and third arguments of function transform must be constant");
        }
        ArrayColumn array = (ArrayColumn) constant.value();
        return array.elements().slice(array.offsets()[0], array.offsets()[1] - array.offsets()[0]);
    }

    private static Column apply(
            Column keys, Column fromValues, Column toValues, Column fallback, DataType result, int rows) {
        if (fromValues.size() != toValues.size()) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "Second and third arguments of function transform must be arrays of same size");
        }
        Map<Object, Integer> positions = new HashMap<>();
        for (int i = 0; i < fromValues.size(); i++) {
            positions.putIfAbsent(key(fromValues, i), i);
        }
        ColumnBuilder out = ColumnBuilder.forType(result, rows);
        for (int i = 0; i < rows; i++) {
            Integer position = positions.get(key(keys, i));
            if (position != null) {
                out.appendFrom(toValues, position);
            } else {
                appendRow(out, fallback, i);
            }
        }
        return out.build();
    }

    private static void appendRow(ColumnBuilder out, Column column, int row) {
        if (column instanceof ConstantColumn constant) {
            out.appendFrom(constant.value(), 0);
        } else {
            out.appendFrom(column, row);
        }
    }

    /** A hashable value of one row: Long, Double or the bytes as a Latin-1 string. */
    private static Object key(Column column, int row) {
        Column plain = column instanceof ConstantColumn constant ? constant.value() : column;
        int at = plain == column ? row : 0;
        if (plain.isNull(at)) {
            return null;
        }
        return switch (plain) {
            case LongColumn longs -> longs.get(at);
            case DoubleColumn doubles -> doubles.get(at) == 0 ? 0.0 : doubles.get(at);
            case StringColumn strings ->
                new String(
                        strings.data(),
                        strings.offsets()[at],
                        strings.offsets()[at + 1] - strings.offsets()[at],
                        StandardCharsets.ISO_8859_1);
            default ->
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT, "Function transform does not support arrays or tuples");
        };
    }
}
