package io.columba.storage.column;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends strings; see {@link StringColumn}. */
public final class StringColumnBuilder implements ColumnBuilder {
    private byte[] data;
    private int[] offsets;
    private boolean[] nulls;
    private int size;

    public StringColumnBuilder(int expectedRows) {
        data = new byte[Math.max(64, expectedRows * 16)];
        offsets = new int[Math.max(8, expectedRows) + 1];
    }

    public void append(byte[] bytes, int offset, int length) {
        ensureRow();
        ensureBytes(length);
        int end = offsets[size];
        System.arraycopy(bytes, offset, data, end, length);
        offsets[++size] = end + length;
    }

    public void append(byte[] bytes) {
        append(bytes, 0, bytes.length);
    }

    public void append(String value) {
        append(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void appendNull() {
        ensureRow();
        if (nulls == null) {
            nulls = new boolean[offsets.length];
        }
        nulls[size] = true;
        offsets[size + 1] = offsets[size];
        size++;
    }

    @Override
    public void appendFrom(Column source, int row) {
        if (source.isNull(row)) {
            appendNull();
            return;
        }
        StringColumn strings = (StringColumn) (source instanceof ConstantColumn constant ? constant.value() : source);
        int at = strings == source ? row : 0;
        append(strings.data(), strings.offsets()[at], strings.length(at));
    }

    private void ensureRow() {
        if (size + 1 == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
            if (nulls != null) {
                nulls = Arrays.copyOf(nulls, offsets.length);
            }
        }
    }

    private void ensureBytes(int extra) {
        int needed = offsets[size] + extra;
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(needed, data.length * 2));
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Column build() {
        boolean[] resultNulls = nulls == null ? null : Arrays.copyOf(nulls, size);
        return new StringColumn(data, Arrays.copyOf(offsets, size + 1), resultNulls, size);
    }
}
