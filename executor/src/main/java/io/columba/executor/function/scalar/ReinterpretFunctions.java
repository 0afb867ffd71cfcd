package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.ArrayList;
import java.util.List;

/**
 * reinterpretAsUInt8 ... reinterpretAsFloat64 and reinterpretAsString: the same bytes (little-endian, as ClickHouse
 * holds them) read as another type; a string shorter than the type is padded with zero bytes.
 */
public final class ReinterpretFunctions {
    private ReinterpretFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> functions = new ArrayList<>();
        for (DataType target : List.<DataType>of(
                IntegerType.UINT8,
                IntegerType.UINT16,
                IntegerType.UINT32,
                IntegerType.UINT64,
                IntegerType.INT8,
                IntegerType.INT16,
                IntegerType.INT32,
                IntegerType.INT64,
                FloatType.FLOAT32,
                FloatType.FLOAT64)) {
            String name = "reinterpretAs" + target.name();
            functions.add(SimpleScalarFunction.of(
                    name,
                    "The first " + target.fixedWidth() + " bytes of a string (or the bytes of a number) read as "
                            + target.name() + ", little-endian.",
                    "SELECT " + name + "('abc')",
                    (types, args) -> {
                        DataType source = argument(name, types);
                        return new Binding(target, (columns, rows) -> toNumber(columns[0], source, target, rows));
                    }));
        }
        functions.add(SimpleScalarFunction.of(
                "reinterpretAsString",
                "The little-endian bytes of a number, Date or DateTime as a string, without trailing zero bytes.",
                "SELECT reinterpretAsString(16706)",
                (types, args) -> {
                    DataType source = argument("reinterpretAsString", types);
                    if (StringOperands.isString(source)) {
                        return new Binding(StringType.STRING, (columns, rows) -> columns[0]);
                    }
                    return new Binding(StringType.STRING, (columns, rows) -> toText(columns[0], source, rows));
                }));
        return functions;
    }

    private static DataType argument(String name, List<DataType> types) {
        Operands.expectCount(name, types, 1, 1);
        DataType type = types.get(0);
        if (!(StringOperands.isString(type)
                || NumericTypes.isNumeric(type)
                || type instanceof DateType
                || type instanceof DateTimeType)) {
            throw Operands.illegalType(name, type, 1);
        }
        return type;
    }

    /** The raw little-endian bits of a numeric row: a float's IEEE bits, an integer's two's complement. */
    private static long bits(Column plain, DataType source, int row) {
        if (plain instanceof DoubleColumn doubles) {
            double value = doubles.get(row);
            return source.fixedWidth() == 4
                    ? Float.floatToRawIntBits((float) value) & 0xFFFFFFFFL
                    : Double.doubleToRawLongBits(value);
        }
        return ((LongColumn) plain).get(row);
    }

    private static Column toNumber(Column column, DataType source, DataType target, int rows) {
        Column plain = column.materialize();
        int width = target.fixedWidth();
        long[] bits = new long[rows];
        for (int i = 0; i < rows; i++) {
            long value = 0;
            if (plain instanceof StringColumn strings) {
                int from = strings.offsets()[i];
                int length = Math.min(width, strings.offsets()[i + 1] - from);
                for (int b = length - 1; b >= 0; b--) {
                    value = (value << 8) | (strings.data()[from + b] & 0xFF);
                }
            } else {
                value = bits(plain, source, i);
            }
            bits[i] = value;
        }
        if (target instanceof FloatType) {
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = width == 4 ? Float.intBitsToFloat((int) bits[i]) : Double.longBitsToDouble(bits[i]);
            }
            return new DoubleColumn(out, null, rows);
        }
        IntegerType integer = (IntegerType) target;
        for (int i = 0; i < rows; i++) {
            bits[i] = integer.wrap(bits[i]);
        }
        return new LongColumn(bits, null, rows);
    }

    private static Column toText(Column column, DataType source, int rows) {
        Column plain = column.materialize();
        int width = source.fixedWidth();
        StringColumnBuilder out = new StringColumnBuilder(rows);
        byte[] bytes = new byte[8];
        for (int i = 0; i < rows; i++) {
            long value = bits(plain, source, i);
            int length = 0;
            for (int b = 0; b < width; b++) {
                bytes[b] = (byte) (value >>> (8 * b));
                if (bytes[b] != 0) {
                    length = b + 1;
                }
            }
            out.append(bytes, 0, length);
        }
        return out.build();
    }
}
