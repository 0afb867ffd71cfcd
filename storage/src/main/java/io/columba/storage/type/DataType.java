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
                NothingType {

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

    /** Bytes one value takes on disk (strings: 0, variable). */
    default int fixedWidth() {
        return 0;
    }
}
