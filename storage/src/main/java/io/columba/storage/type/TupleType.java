package io.columba.storage.type;

import java.util.List;

/**
 * Tuple(T1, T2, ...) or Tuple(name1 T1, name2 T2, ...): a fixed list of values of their own types a row.
 *
 * @param elements the element types
 * @param names the element names, or null for an unnamed tuple
 */
public record TupleType(List<DataType> elements, List<String> names) implements DataType {

    public TupleType {
        elements = List.copyOf(elements);
        names = names == null ? null : List.copyOf(names);
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("a tuple has at least one element");
        }
        if (names != null && names.size() != elements.size()) {
            throw new IllegalArgumentException("a tuple has a name for every element or none");
        }
    }

    public static TupleType of(List<DataType> elements) {
        return new TupleType(elements, null);
    }

    @Override
    public String name() {
        StringBuilder out = new StringBuilder("Tuple(");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            if (names != null) {
                out.append(names.get(i)).append(' ');
            }
            out.append(elements.get(i).name());
        }
        return out.append(')').toString();
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.TUPLE;
    }
}
