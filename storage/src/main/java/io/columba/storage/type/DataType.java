package io.columba.storage.type;

/**
 * A ClickHouse data type. {@link #name()} is the type as ClickHouse spells it ({@code Nullable(Int64)}), which is
 * also what {@code meta.type} of the JSON format shows.
 */
public sealed interface DataType
        permits IntegerType,
                FloatType,
                StringType,
                DateType,
                DateTimeType,
                DateTime64Type,
                BoolType,
                NullableType,
                NothingType,
                Date32Type,
                EnumType,
                UuidType,
                IPv4Type,
                IPv6Type,
                FixedStringType,
                DecimalType,
                WideIntegerType,
                LowCardinalityType,
                ArrayType,
                TupleType,
                MapType,
                AggregateFunctionType,
                IntervalType {

    /** The type as ClickHouse prints it. */
    String name();

    /** The physical vector this type is held in. */
    PhysicalType physicalType();

    default boolean isNullable() {
        return false;
    }

    /** The type without a Nullable wrapper. */
    default DataType withoutNullable() {
        return this;
    }

    /** The type without a LowCardinality wrapper (Nullable stays). */
    default DataType withoutLowCardinality() {
        return this;
    }

    /** Whether values held in a LONG vector are signed numbers of {@link #fixedWidth} bytes. */
    default boolean signedValues() {
        return false;
    }

    /** Bytes one value takes on disk (strings: 0, variable). */
    default int fixedWidth() {
        return 0;
    }
}
