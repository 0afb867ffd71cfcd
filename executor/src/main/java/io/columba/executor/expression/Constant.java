package io.columba.executor.expression;

import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.type.DataType;
import java.nio.charset.StandardCharsets;

/**
 * A constant value: {@code Long} for LONG-held types, {@code Double} for floats, {@code byte[]} for strings, a
 * one-row {@code Column} for arrays, maps and tuples, null for NULL.
 */
public record Constant(DataType type, Object value) implements BoundExpression {

    public boolean isNull() {
        return value == null;
    }

    public long longValue() {
        return (Long) value;
    }

    public double doubleValue() {
        return (Double) value;
    }

    public byte[] bytesValue() {
        return (byte[]) value;
    }

    public String stringValue() {
        return new String((byte[]) value, StandardCharsets.UTF_8);
    }

    /** A one-row column holding the value. */
    public Column toColumn() {
        boolean[] nulls = value == null ? new boolean[] {true} : null;
        return switch (type.physicalType()) {
            case LONG -> new LongColumn(new long[] {value == null ? 0 : (Long) value}, nulls, 1);
            case DOUBLE -> new DoubleColumn(new double[] {value == null ? 0 : (Double) value}, nulls, 1);
            case BYTES -> {
                byte[] bytes = value == null ? new byte[0] : (byte[]) value;
                yield new StringColumn(bytes, new int[] {0, bytes.length}, nulls, 1);
            }
            case ARRAY, TUPLE ->
                value == null ? io.columba.storage.column.ColumnBuilder.defaults(type, nulls, 1) : (Column) value;
        };
    }

    /** The value at {@code row} of a column, as a constant of {@code type}. */
    public static Constant fromColumn(DataType type, Column column, int row) {
        Column plain = column instanceof io.columba.storage.column.ConstantColumn c ? c.value() : column;
        int at = plain == column ? row : 0;
        if (plain.isNull(at)) {
            return new Constant(type, null);
        }
        return switch (plain) {
            case LongColumn longs -> new Constant(type, longs.get(at));
            case DoubleColumn doubles -> new Constant(type, doubles.get(at));
            case StringColumn strings -> new Constant(type, strings.getBytes(at));
            case io.columba.storage.column.ArrayColumn arrays -> new Constant(type, arrays.slice(at, 1));
            case io.columba.storage.column.TupleColumn tuples -> new Constant(type, tuples.slice(at, 1));
            case io.columba.storage.column.ConstantColumn ignored -> throw new IllegalStateException();
        };
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Constant c) || !c.type.equals(type)) {
            return false;
        }
        if (value instanceof Column column) {
            return c.value instanceof Column otherColumn
                    && io.columba.storage.column.ValueEquality.equal(column, 0, otherColumn, 0);
        }
        return value instanceof byte[] bytes
                ? c.value instanceof byte[] otherBytes && java.util.Arrays.equals(bytes, otherBytes)
                : java.util.Objects.equals(value, c.value);
    }

    @Override
    public int hashCode() {
        if (value instanceof Column) {
            return type.hashCode();
        }
        return type.hashCode() * 31
                + (value instanceof byte[] bytes
                        ? java.util.Arrays.hashCode(bytes)
                        : java.util.Objects.hashCode(value));
    }
}
