package io.columba.storage.type;

import java.util.List;

/** Map(K, V): held as Array(Tuple(K, V)), the entries in the order they were given; never Nullable. */
public record MapType(DataType key, DataType value) implements DataType {

    @Override
    public String name() {
        return "Map(" + key.name() + ", " + value.name() + ")";
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.ARRAY;
    }

    /** The type of one entry: Tuple(K, V). */
    public TupleType entryType() {
        return new TupleType(List.of(key, value), List.of("keys", "values"));
    }
}
