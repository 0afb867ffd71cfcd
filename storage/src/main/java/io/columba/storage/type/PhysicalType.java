package io.columba.storage.type;

/** How values of a type are held in memory: the kind of {@code Column} vector. */
public enum PhysicalType {
    /** Integers up to 64 bits, dates, date-times and booleans, in a {@code long[]}. */
    LONG,
    /** Float32 and Float64, in a {@code double[]}. */
    DOUBLE,
    /** Strings, as bytes plus offsets. */
    BYTES,
    /** Arrays and maps: offsets plus one column of all elements. */
    ARRAY,
    /** Tuples: one column per element. */
    TUPLE
}
