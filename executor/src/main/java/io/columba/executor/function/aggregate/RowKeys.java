package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.DoubleColumnBuilder;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.LongColumnBuilder;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Argument values as hashable keys (uniqExact, groupUniqArray, -Distinct, topK): a Long (integers, and floats as
 * their bits with -0 made 0), a ByteBuffer (strings), or a List of those for several arguments.
 */
public final class RowKeys {
    private RowKeys() {}

    /** Refuses array and tuple values, which have no key yet. */
    public static void checkScalar(String function, io.columba.storage.type.DataType type) {
        if (type.physicalType() == io.columba.storage.type.PhysicalType.ARRAY
                || type.physicalType() == io.columba.storage.type.PhysicalType.TUPLE) {
            throw new ColumbaException(
                    ErrorCode.NOT_IMPLEMENTED,
                    "Function " + function + " of " + type.name() + " values is not supported yet");
        }
    }

    public static Object key(Column[] columns, int row) {
        if (columns.length == 1) {
            return value(columns[0], row);
        }
        Object[] values = new Object[columns.length];
        for (int a = 0; a < columns.length; a++) {
            values[a] = value(columns[a], row);
        }
        return Arrays.asList(values);
    }

    public static Object value(Column column, int row) {
        return switch (column) {
            case LongColumn longs -> longs.get(row);
            case DoubleColumn doubles -> Double.doubleToLongBits(doubles.get(row) + 0.0);
            case StringColumn strings -> ByteBuffer.wrap(strings.getBytes(row));
            default ->
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED, "Aggregating array or tuple values this way is not supported yet");
        };
    }

    /** Appends a key's value to a builder of the column it came from. */
    static void append(ColumnBuilder builder, Object value) {
        switch (builder) {
            case LongColumnBuilder longs -> longs.append((Long) value);
            case DoubleColumnBuilder doubles -> doubles.append(Double.longBitsToDouble((Long) value));
            case StringColumnBuilder strings -> {
                ByteBuffer bytes = (ByteBuffer) value;
                strings.append(Arrays.copyOfRange(
                        bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.arrayOffset() + bytes.limit()));
            }
            default -> throw new IllegalStateException("no keys of " + builder);
        }
    }

    /** A tagged key: 0 and an Int64, 1 and a VarUInt length and bytes, or 2 and a VarUInt count and keys. */
    static void write(Object key, GrowableByteArray out) {
        switch (key) {
            case Long number -> {
                out.writeByte(0);
                out.writeLong(number);
            }
            case ByteBuffer bytes -> {
                out.writeByte(1);
                out.writeVarUInt(bytes.remaining());
                out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            }
            case List<?> keys -> {
                out.writeByte(2);
                out.writeVarUInt(keys.size());
                for (Object element : keys) {
                    write(element, out);
                }
            }
            default -> throw new IllegalStateException("unexpected key " + key);
        }
    }

    static Object read(StateReader in) {
        int tag = in.readByte();
        return switch (tag) {
            case 0 -> in.readLong();
            case 1 -> ByteBuffer.wrap(in.readBytes((int) in.readVarUInt()));
            case 2 -> {
                int count = (int) in.readVarUInt();
                Object[] keys = new Object[count];
                for (int i = 0; i < count; i++) {
                    keys[i] = read(in);
                }
                yield Arrays.asList(keys);
            }
            default ->
                throw new ColumbaException(ErrorCode.CANNOT_READ_ALL_DATA, "Corrupt aggregate state: key tag " + tag);
        };
    }
}
