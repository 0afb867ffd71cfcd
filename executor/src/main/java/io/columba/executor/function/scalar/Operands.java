package io.columba.executor.function.scalar;

import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.Arrays;
import java.util.List;

/** Reads argument columns as primitive arrays for kernels, and checks argument counts and types. */
public final class Operands {
    private Operands() {}

    public static long[] longs(Column column, int rows) {
        if (column instanceof ConstantColumn constant) {
            long[] values = new long[rows];
            Arrays.fill(values, ((LongColumn) constant.value()).get(0));
            return values;
        }
        return ((LongColumn) column).values();
    }

    /** Values as doubles, whatever the numeric type (UInt64 read unsigned). */
    public static double[] doubles(Column column, DataType type, int rows) {
        Column plain = column instanceof ConstantColumn constant ? constant.value() : column;
        int size = plain == column ? rows : 1;
        double[] values;
        if (plain instanceof DoubleColumn doubles) {
            values = doubles.values();
        } else {
            long[] longs = ((LongColumn) plain).values();
            values = new double[size];
            boolean unsigned64 =
                    type.withoutNullable() instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
            for (int i = 0; i < size; i++) {
                values[i] = unsigned64 ? TypeConversion.unsignedToDouble(longs[i]) : longs[i];
            }
        }
        if (plain != column) {
            double[] repeated = new double[rows];
            Arrays.fill(repeated, values[0]);
            return repeated;
        }
        return values;
    }

    public static void expectCount(String function, List<DataType> types, int minimum, int maximum) {
        if (types.size() < minimum || types.size() > maximum) {
            String expected = minimum == maximum ? Integer.toString(minimum) : minimum + " to " + maximum;
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Number of arguments for function " + function + " doesn't match: passed " + types.size()
                            + ", should be " + expected);
        }
    }

    /** The one numeric argument of an aggregate such as sum or avg. */
    public static DataType numericAggregateArgument(String function, List<DataType> types) {
        expectCount(function, types, 1, 1);
        DataType type = types.get(0);
        if (!NumericTypes.isNumeric(type)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type " + type.name() + " of argument for aggregate function " + function);
        }
        return type;
    }

    public static ColumbaException illegalType(String function, DataType type, int position) {
        return new ColumbaException(
                ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                "Illegal type " + type.name() + " of argument " + position + " of function " + function);
    }

    public static ColumbaException illegalTypes(String function, DataType left, DataType right) {
        return new ColumbaException(
                ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                "Illegal types " + left.name() + " and " + right.name() + " of arguments of function " + function);
    }
}
