package io.columba.executor.function.scalar;

import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.WideIntegerType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Values of Decimal and wide integer columns as {@link BigInteger} (unscaled for decimals) and back: the slow,
 * exact road for the types a {@code long} cannot hold.
 */
public final class ExactNumbers {
    private ExactNumbers() {}

    /** Whether a type's values are read through this class rather than as longs or doubles. */
    public static boolean isExact(DataType type) {
        DataType plain = type.withoutNullable();
        return plain instanceof DecimalType || plain instanceof WideIntegerType;
    }

    /** The integer held at {@code row} of an integer, Bool, wide integer or (unscaled) Decimal column. */
    public static BigInteger integer(Column column, DataType type, int row) {
        Column plain = column instanceof ConstantColumn constant ? constant.value() : column;
        int at = plain == column ? row : 0;
        DataType base = type.withoutNullable();
        return switch (plain) {
            case LongColumn longs -> {
                long value = longs.get(at);
                boolean unsigned64 = base instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
                yield unsigned64 && value < 0
                        ? BigInteger.valueOf(value).add(BigInteger.ONE.shiftLeft(64))
                        : BigInteger.valueOf(value);
            }
            case StringColumn strings -> storage(base).decode(strings.data(), strings.offsets()[at]);
            default -> throw new IllegalStateException("not an exact number column: " + base.name());
        };
    }

    /** The value at {@code row} of any numeric column (integers, floats, Bool, Decimal, wide) as a BigDecimal. */
    public static BigDecimal decimal(Column column, DataType type, int row) {
        Column plain = column instanceof ConstantColumn constant ? constant.value() : column;
        int at = plain == column ? row : 0;
        if (plain instanceof DoubleColumn doubles) {
            double value = doubles.get(at);
            return Double.isFinite(value) ? new BigDecimal(value) : BigDecimal.ZERO;
        }
        BigInteger integer = integer(column, type, row);
        return type.withoutNullable() instanceof DecimalType decimal
                ? new BigDecimal(integer, decimal.scale())
                : new BigDecimal(integer);
    }

    /** A column of the type from exact values (unscaled for decimals), which must be in range. */
    public static Column column(BigInteger[] values, DataType type, int rows) {
        DataType base = type.withoutNullable();
        if (base.physicalType() == io.columba.storage.type.PhysicalType.LONG) {
            long[] out = new long[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = values[i].longValue();
            }
            return new LongColumn(out, null, rows);
        }
        WideIntegerType storage = storage(base);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        for (int i = 0; i < rows; i++) {
            out.append(storage.encode(values[i]));
        }
        return out.build();
    }

    private static WideIntegerType storage(DataType base) {
        return switch (base) {
            case WideIntegerType wide -> wide;
            case DecimalType decimal -> decimal.storage();
            case BoolType ignored -> WideIntegerType.UINT128;
            default -> throw new IllegalStateException("not held as wide bytes: " + base.name());
        };
    }
}
