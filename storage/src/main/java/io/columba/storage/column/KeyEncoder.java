package io.columba.storage.column;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Encodes values of rows as bytes that are equal exactly when the values are (GROUP BY keys, DISTINCT, uniqExact):
 * per value a null flag, then an Int64 (integers, dates, floats as bits with -0 made 0), a length and the bytes
 * (strings), a count and the elements (arrays), or the elements (tuples). One encoder reuses one buffer.
 */
public final class KeyEncoder {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes = new byte[256];
    private int length;

    /** Starts a new key. */
    public void clear() {
        length = 0;
    }

    /** The encoded key so far: {@code bytes()[0..length())}, valid until the next call. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** Appends the value of {@code row}. */
    public void add(Column column, int row) {
        ensure(9);
        if (column.isNull(row)) {
            bytes[length++] = 1;
            return;
        }
        bytes[length++] = 0;
        switch (column) {
            case LongColumn longs -> putLong(longs.get(row));
            case DoubleColumn doubles -> putLong(Double.doubleToLongBits(doubles.get(row) + 0.0));
            case StringColumn strings -> {
                int size = strings.length(row);
                ensure(4 + size);
                INTS.set(bytes, length, size);
                System.arraycopy(strings.data(), strings.offsets()[row], bytes, length + 4, size);
                length += 4 + size;
            }
            case ArrayColumn arrays -> {
                putLong(arrays.length(row));
                for (int i = arrays.offsets()[row]; i < arrays.offsets()[row + 1]; i++) {
                    add(arrays.elements(), i);
                }
            }
            case TupleColumn tuples -> {
                for (Column element : tuples.elements()) {
                    add(element, row);
                }
            }
            case ConstantColumn constant -> add(constant.value(), 0);
        }
    }

    private void putLong(long value) {
        LONGS.set(bytes, length, value);
        length += 8;
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }
}
