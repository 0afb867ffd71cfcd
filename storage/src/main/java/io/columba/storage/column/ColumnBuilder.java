package io.columba.storage.column;

import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.EnumType;
import io.columba.storage.type.TupleType;
import io.columba.storage.type.WideIntegerType;

/** Builds a column row by row; the only way columns are mutated. */
public sealed interface ColumnBuilder
        permits LongColumnBuilder, DoubleColumnBuilder, StringColumnBuilder, ArrayColumnBuilder, TupleColumnBuilder {

    int size();

    void appendNull();

    /** Appends row {@code row} of {@code source}, which must have this builder's physical type. */
    void appendFrom(Column source, int row);

    Column build();

    /** {@code rows} rows of the type's default value: zero, the empty string, or NULL for a Nullable type. */
    static Column defaults(DataType type, int rows) {
        boolean[] nulls = null;
        if (type.isNullable()) {
            nulls = new boolean[rows];
            java.util.Arrays.fill(nulls, true);
        }
        return defaults(type, nulls, rows);
    }

    /**
     * {@code rows} rows of the type's default value with the given null map: zero, the empty string, zero bytes of
     * a fixed width (the zero of a wide number), or an enum's smallest value.
     */
    static Column defaults(DataType type, boolean[] nulls, int rows) {
        DataType plain = type.withoutNullable();
        return switch (type.physicalType()) {
            case LONG -> {
                long[] values = new long[rows];
                if (plain instanceof EnumType enumType) {
                    int smallest = enumType.elements().stream()
                            .mapToInt(EnumType.Element::value)
                            .min()
                            .orElse(0);
                    java.util.Arrays.fill(values, smallest);
                }
                yield new LongColumn(values, nulls, rows);
            }
            case DOUBLE -> new DoubleColumn(new double[rows], nulls, rows);
            case BYTES -> {
                int width = plain.fixedWidth();
                if (width == 0) {
                    yield new StringColumn(new byte[0], new int[rows + 1], nulls, rows);
                }
                byte[] zero = zeroBytes(plain);
                byte[] data = new byte[rows * width];
                int[] offsets = new int[rows + 1];
                for (int row = 0; row < rows; row++) {
                    System.arraycopy(zero, 0, data, row * width, width);
                    offsets[row + 1] = (row + 1) * width;
                }
                yield new StringColumn(data, offsets, nulls, rows);
            }
            case ARRAY -> new ArrayColumn(new int[rows + 1], defaults(ArrayType.elementOf(plain), null, 0), null, rows);
            case TUPLE ->
                new TupleColumn(
                        ((TupleType) plain)
                                .elements().stream()
                                        .map(element -> defaults(element, rows))
                                        .toList(),
                        null,
                        rows);
        };
    }

    /** The held bytes of a fixed-width type's default value. */
    static byte[] zeroBytes(DataType plain) {
        return switch (plain) {
            case WideIntegerType wide -> wide.encode(java.math.BigInteger.ZERO);
            case DecimalType decimal when decimal.isWide() -> decimal.storage().encode(java.math.BigInteger.ZERO);
            default -> new byte[plain.fixedWidth()];
        };
    }

    static ColumnBuilder forType(DataType type, int expectedRows) {
        return switch (type.physicalType()) {
            case LONG -> new LongColumnBuilder(expectedRows);
            case DOUBLE -> new DoubleColumnBuilder(expectedRows);
            case BYTES -> new StringColumnBuilder(expectedRows);
            case ARRAY -> new ArrayColumnBuilder(forType(ArrayType.elementOf(type), expectedRows), expectedRows);
            case TUPLE ->
                new TupleColumnBuilder(((TupleType) type.withoutNullable())
                        .elements().stream()
                                .map(element -> forType(element, expectedRows))
                                .toList());
        };
    }
}
