package io.columba.storage.column;

import java.util.Arrays;

/** Builds an {@link ArrayColumn} from whole arrays of other array columns. */
public final class ArrayColumnBuilder implements ColumnBuilder {
    private final ColumnBuilder elements;
    private int[] offsets;
    private int size;

    public ArrayColumnBuilder(ColumnBuilder elements, int expectedRows) {
        this.elements = elements;
        this.offsets = new int[Math.max(8, expectedRows) + 1];
    }

    /** The builder of the elements: append a row's elements there, then {@link #endArray}. */
    public ColumnBuilder elements() {
        return elements;
    }

    /** Closes the current row's array after its elements were appended to {@link #elements}. */
    public void endArray() {
        if (size + 1 == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[++size] = elements.size();
    }

    /** Arrays are never NULL: a NULL becomes the empty array, as ClickHouse's default. */
    @Override
    public void appendNull() {
        endArray();
    }

    @Override
    public void appendFrom(Column source, int row) {
        Column plain = source instanceof ConstantColumn constant ? constant.value() : source;
        ArrayColumn arrays = (ArrayColumn) plain;
        int at = plain == source ? row : 0;
        for (int element = arrays.offsets()[at]; element < arrays.offsets()[at + 1]; element++) {
            elements.appendFrom(arrays.elements(), element);
        }
        endArray();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Column build() {
        return new ArrayColumn(Arrays.copyOf(offsets, size + 1), elements.build(), null, size);
    }
}
