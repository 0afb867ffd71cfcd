package io.columba.storage.column;

import java.util.List;

/** Builds a {@link TupleColumn}, one builder per element. */
public final class TupleColumnBuilder implements ColumnBuilder {
    private final List<ColumnBuilder> elements;
    private int size;

    public TupleColumnBuilder(List<ColumnBuilder> elements) {
        this.elements = List.copyOf(elements);
    }

    public ColumnBuilder element(int index) {
        return elements.get(index);
    }

    /** Closes a row whose elements were appended to {@link #element} builders directly. */
    public void endTuple() {
        size++;
    }

    @Override
    public void appendNull() {
        for (ColumnBuilder element : elements) {
            element.appendNull();
        }
        size++;
    }

    @Override
    public void appendFrom(Column source, int row) {
        Column plain = source instanceof ConstantColumn constant ? constant.value() : source;
        TupleColumn tuples = (TupleColumn) plain;
        int at = plain == source ? row : 0;
        for (int i = 0; i < elements.size(); i++) {
            elements.get(i).appendFrom(tuples.elements().get(i), at);
        }
        size++;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Column build() {
        return new TupleColumn(elements.stream().map(ColumnBuilder::build).toList(), null, size);
    }
}
