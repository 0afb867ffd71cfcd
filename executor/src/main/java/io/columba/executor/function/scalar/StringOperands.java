package io.columba.executor.function.scalar;

import io.columba.executor.function.Kernel;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FixedStringType;
import io.columba.storage.type.StringType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads string arguments for kernels: plain columns, constant arguments, and row-wise maps over bytes. */
public final class StringOperands {
    private StringOperands() {}

    /** Writes the result of one row from the bytes {@code data[from, to)}. */
    @FunctionalInterface
    public interface ByteMapper {
        void map(byte[] data, int from, int to, StringColumnBuilder out);
    }

    /** A number computed from the bytes {@code data[from, to)}. */
    @FunctionalInterface
    public interface ByteMeasure {
        long measure(byte[] data, int from, int to);
    }

    public static StringColumn strings(Column column) {
        return (StringColumn) (column instanceof ConstantColumn constant ? constant.value() : column);
    }

    public static int row(Column column, int row) {
        return column instanceof ConstantColumn ? 0 : row;
    }

    public static boolean isString(DataType type) {
        return type instanceof StringType || type instanceof FixedStringType;
    }

    /** Checks the count and that the arguments at {@code positions} (0-based) are strings. */
    public static void expectStrings(
            String function, List<DataType> types, int minimum, int maximum, int... positions) {
        Operands.expectCount(function, types, minimum, maximum);
        for (int position : positions) {
            if (position < types.size() && !isString(types.get(position))) {
                throw Operands.illegalType(function, types.get(position), position + 1);
            }
        }
    }

    /** The text of a constant argument; an error naming the function when the argument is not constant. */
    public static String constant(String function, Column column, int position) {
        if (!(column instanceof ConstantColumn constant)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_COLUMN,
                    "Argument " + position + " of function " + function + " must be a constant string");
        }
        return ((StringColumn) constant.value()).getString(0);
    }

    /** A one-argument String function whose result is computed from the argument's bytes. */
    public static io.columba.executor.function.SimpleScalarFunction stringToString(
            String name, String description, String example, ByteMapper mapper) {
        return io.columba.executor.function.SimpleScalarFunction.of(name, description, example, (types, args) -> {
            expectStrings(name, types, 1, 1, 0);
            return new io.columba.executor.function.ScalarFunction.Binding(StringType.STRING, mapping(mapper));
        });
    }

    public static String text(Column column, int row) {
        return strings(column).getString(row(column, row));
    }

    /** A String result from each row of one string column. */
    public static Kernel mapping(ByteMapper mapper) {
        return (arguments, rows) -> map(arguments[0], rows, mapper);
    }

    public static Column map(Column input, int rows, ByteMapper mapper) {
        StringColumn in = strings(input);
        int[] offsets = in.offsets();
        byte[] data = in.data();
        if (input instanceof ConstantColumn) {
            StringColumnBuilder one = new StringColumnBuilder(1);
            mapper.map(data, offsets[0], offsets[1], one);
            return new ConstantColumn(one.build(), rows);
        }
        StringColumnBuilder out = new StringColumnBuilder(rows);
        for (int i = 0; i < rows; i++) {
            mapper.map(data, offsets[i], offsets[i + 1], out);
        }
        return out.build();
    }

    /** An integer result from each row of one string column. */
    public static Kernel measuring(ByteMeasure measure) {
        return (arguments, rows) -> {
            StringColumn in = strings(arguments[0]);
            int[] offsets = in.offsets();
            if (arguments[0] instanceof ConstantColumn) {
                long value = measure.measure(in.data(), offsets[0], offsets[1]);
                return new ConstantColumn(new LongColumn(new long[] {value}, null, 1), rows);
            }
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = measure.measure(in.data(), offsets[i], offsets[i + 1]);
            }
            return new LongColumn(out, null, rows);
        };
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The number of code points in UTF-8 bytes: bytes that do not continue a sequence. */
    public static long codePoints(byte[] data, int from, int to) {
        long count = 0;
        for (int i = from; i < to; i++) {
            if ((data[i] & 0xC0) != 0x80) {
                count++;
            }
        }
        return count;
    }
}
