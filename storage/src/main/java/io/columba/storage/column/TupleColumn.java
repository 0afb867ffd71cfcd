package io.columba.storage.column;

import java.util.List;

/** Tuples: one column per element, each of {@code size} rows. */
public record TupleColumn(List<Column> elements, boolean[] nulls, int size) implements Column {

    public TupleColumn {
        elements = List.copyOf(elements);
    }

    @Override
    public Column take(int[] positions, int count) {
        return new TupleColumn(
                elements.stream().map(element -> element.take(positions, count)).toList(),
                Column.takeNulls(nulls, positions, count),
                count);
    }

    @Override
    public Column slice(int offset, int length) {
        return new TupleColumn(
                elements.stream().map(element -> element.slice(offset, length)).toList(),
                Column.sliceNulls(nulls, offset, length),
                length);
    }

    @Override
    public Column materialize() {
        return new TupleColumn(elements.stream().map(Column::materialize).toList(), nulls, size);
    }
}
