package io.columba.storage.type;

/** Array(T): a variable number of values of T a row (T may be Nullable, an array, a tuple...); never Nullable. */
public record ArrayType(DataType element) implements DataType {

    @Override
    public String name() {
        return "Array(" + element.name() + ")";
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.ARRAY;
    }

    /** The type of the elements held by an ARRAY-held type: T for Array(T), Tuple(K, V) for Map(K, V). */
    public static DataType elementOf(DataType type) {
        return switch (type.withoutNullable()) {
            case ArrayType array -> array.element();
            case MapType map -> map.entryType();
            default -> throw new IllegalArgumentException(type.name() + " is not held as arrays");
        };
    }
}
