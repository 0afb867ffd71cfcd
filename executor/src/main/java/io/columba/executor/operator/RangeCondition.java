package io.columba.executor.operator;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.expression.Constant;
import io.columba.executor.expression.FunctionInvocation;
import io.columba.executor.function.scalar.TypeConversion;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;

/**
 * A comparison of a column with a constant ({@code CounterID = 62}, {@code AdvEngineID <> 0},
 * {@code EventDate >= '2013-07-01'}) that a scan evaluates straight into a selection, without a mask column: the
 * rows whose stored value lies in {@code [low, high]}, or outside it. Only where the comparison is a plain signed
 * comparison of the stored longs: columns of integers narrower than UInt64, Date and DateTime, not Nullable; and
 * equality of a UInt64 column with a non-negative integer ({@code URLHash = 2868770270353813622}), where equal
 * bits are equal values whatever the sign.
 */
record RangeCondition(int column, long low, long high, boolean outside) {

    /** The condition as a range over scan column {@code column}, or null when it is not such a comparison. */
    static RangeCondition of(BoundExpression condition) {
        if (!(condition instanceof FunctionInvocation invocation)
                || invocation.arguments().size() != 2) {
            return null;
        }
        String name = invocation.name();
        BoundExpression left = invocation.arguments().get(0);
        BoundExpression right = invocation.arguments().get(1);
        if (left instanceof Constant && right instanceof ColumnReference) {
            name = mirrored(name);
            BoundExpression swap = left;
            left = right;
            right = swap;
        }
        if (name == null || !(left instanceof ColumnReference reference) || !(right instanceof Constant constant)) {
            return null;
        }
        if (constant.isNull()) {
            return null;
        }
        Long value;
        if (plainLongs(reference.type())) {
            value = constantValue(constant, reference.type());
        } else if (reference.type().equals(IntegerType.UINT64) && (name.equals("equals") || name.equals("notEquals"))) {
            value = unsignedConstantValue(constant);
        } else {
            return null;
        }
        if (value == null) {
            return null;
        }
        long k = value;
        int c = reference.index();
        return switch (name) {
            case "equals" -> new RangeCondition(c, k, k, false);
            case "notEquals" -> new RangeCondition(c, k, k, true);
            case "less" -> k == Long.MIN_VALUE ? empty(c) : new RangeCondition(c, Long.MIN_VALUE, k - 1, false);
            case "lessOrEquals" -> new RangeCondition(c, Long.MIN_VALUE, k, false);
            case "greater" -> k == Long.MAX_VALUE ? empty(c) : new RangeCondition(c, k + 1, Long.MAX_VALUE, false);
            case "greaterOrEquals" -> new RangeCondition(c, k, Long.MAX_VALUE, false);
            default -> null;
        };
    }

    private static RangeCondition empty(int column) {
        return new RangeCondition(column, 1, 0, false);
    }

    private static String mirrored(String name) {
        return switch (name) {
            case "equals", "notEquals" -> name;
            case "less" -> "greater";
            case "greater" -> "less";
            case "lessOrEquals" -> "greaterOrEquals";
            case "greaterOrEquals" -> "lessOrEquals";
            default -> null;
        };
    }

    /** Types whose comparisons with integer constants compare the stored longs as signed numbers. */
    private static boolean plainLongs(DataType type) {
        return type instanceof IntegerType integer && (integer.signed() || integer.bytes() < 8)
                || type instanceof DateType
                || type instanceof DateTimeType;
    }

    /** The constant as the column's comparisons see it, or null when they do something else with it. */
    private static Long constantValue(Constant constant, DataType columnType) {
        DataType type = constant.type();
        if (type instanceof IntegerType integer && (integer.signed() || integer.bytes() < 8)) {
            return constant.longValue();
        }
        if (type instanceof StringType && !(columnType instanceof IntegerType)) {
            // A date or date-time compared with a string parses the string as the column's type.
            try {
                Column parsed = TypeConversion.cast(constant.toColumn(), StringType.STRING, columnType, 1);
                return parsed instanceof LongColumn longs && longs.nulls() == null ? longs.get(0) : null;
            } catch (ColumbaException e) {
                return null; // the comparison's own kernel reports the unparsable string
            }
        }
        return null;
    }

    /** An integer constant's bits when they equal a UInt64 value exactly as the constant does, else null. */
    private static Long unsignedConstantValue(Constant constant) {
        if (!(constant.type() instanceof IntegerType integer) || !(constant.value() instanceof Long)) {
            return null;
        }
        long value = constant.longValue();
        // A negative signed constant equals no UInt64, though its bits equal some.
        return integer.signed() && value < 0 ? null : value;
    }

    /**
     * Writes the rows of {@code values} in the range (all {@code count} rows, or those {@code selection} lists) to
     * {@code passing}; returns how many.
     */
    int select(long[] values, int[] selection, int count, int[] passing) {
        return selection == null
                ? selectRun(values, count, 0, passing, 0)
                : selectListed(values, 0, selection, 0, count, passing, 0);
    }

    /**
     * Appends to {@code passing} (from index {@code kept}) {@code base + i} for each of the first {@code count}
     * {@code values} in the range; returns the new count.
     */
    int selectRun(long[] values, int count, int base, int[] passing, int kept) {
        long from = low;
        long to = high;
        boolean negate = outside;
        for (int i = 0; i < count; i++) {
            long v = values[i];
            passing[kept] = base + i;
            kept += ((v >= from & v <= to) ^ negate) ? 1 : 0;
        }
        return kept;
    }

    /**
     * Appends to {@code passing} (from index {@code kept}) the rows {@code selection[first..end)} whose values lie in
     * the range, where {@code values[i]} is row {@code base + i}; returns the new count.
     */
    int selectListed(long[] values, int base, int[] selection, int first, int end, int[] passing, int kept) {
        long from = low;
        long to = high;
        boolean negate = outside;
        for (int i = first; i < end; i++) {
            int row = selection[i];
            long v = values[row - base];
            passing[kept] = row;
            kept += ((v >= from & v <= to) ^ negate) ? 1 : 0;
        }
        return kept;
    }
}
