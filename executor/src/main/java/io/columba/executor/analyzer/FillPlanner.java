package io.columba.executor.analyzer;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.Constant;
import io.columba.executor.function.scalar.TypeConversion;
import io.columba.executor.operator.FillOperator.FillKey;
import io.columba.executor.operator.SortKey;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.OrderByElement;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.IntervalType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Binds {@code ORDER BY key WITH FILL [FROM a] [TO b] [STEP s]} as ClickHouse does: keys of integers, floats, Date
 * (STEP in days, default 1) and DateTime (seconds, default 1); FROM and TO are converted to the key's type; STEP
 * may be an INTERVAL of seconds to weeks. A descending key steps down: its STEP defaults to -1 and must be negative.
 */
final class FillPlanner {
    private FillPlanner() {}

    /** The WITH FILL keys of {@code orderBy}, whose sort keys are {@code sortKeys}; empty when none has WITH FILL. */
    static List<FillKey> fillKeys(
            List<OrderByElement> orderBy, List<SortKey> sortKeys, Function<Expression, BoundExpression> constants) {
        List<FillKey> keys = new ArrayList<>();
        for (int k = 0; k < orderBy.size(); k++) {
            OrderByElement order = orderBy.get(k);
            if (order.fill() != null) {
                keys.add(fillKey(order, sortKeys.get(k), constants));
            }
        }
        return keys;
    }

    /** The columns of the ORDER BY keys before the first WITH FILL one: each group of their values fills alone. */
    static int[] prefixColumns(List<OrderByElement> orderBy, List<SortKey> sortKeys) {
        List<Integer> prefix = new ArrayList<>();
        for (int k = 0; k < orderBy.size() && orderBy.get(k).fill() == null; k++) {
            prefix.add(sortKeys.get(k).column());
        }
        return prefix.stream().mapToInt(Integer::intValue).toArray();
    }

    private static FillKey fillKey(
            OrderByElement order, SortKey sortKey, Function<Expression, BoundExpression> constants) {
        DataType type = sortKey.type().withoutNullable();
        String key = ExpressionFormatter.format(order.expression());
        if (!(type instanceof IntegerType integer && integer.bytes() <= 8)
                && !(type instanceof FloatType)
                && !(type instanceof DateType)
                && !(type instanceof DateTimeType)) {
            throw new ColumbaException(
                    ErrorCode.INVALID_WITH_FILL_EXPRESSION,
                    "WITH FILL can be used only with numeric, Date or DateTime types, but is set for " + key
                            + " of type " + sortKey.type().name());
        }
        boolean floating = type instanceof FloatType;
        OrderByElement.Fill fill = order.fill();
        Long from = fill.from() == null ? null : bound(constants.apply(fill.from()), type, floating, "FROM", key);
        Long to = fill.to() == null ? null : bound(constants.apply(fill.to()), type, floating, "TO", key);
        long step = fill.step() == null
                ? one(order.descending() ? -1 : 1, floating)
                : step(constants.apply(fill.step()), type, floating, key);
        double stepValue = floating ? Double.longBitsToDouble(step) : step;
        if (stepValue == 0) {
            throw invalid("WITH FILL STEP value cannot be zero");
        }
        if (order.descending() && stepValue > 0) {
            throw invalid("WITH FILL STEP value must be negative for sorting in descending direction, " + key);
        }
        if (!order.descending() && stepValue < 0) {
            throw invalid("WITH FILL STEP value cannot be negative for sorting in ascending direction, " + key);
        }
        if (from != null && to != null) {
            int fromVersusTo = floating
                    ? Double.compare(Double.longBitsToDouble(from), Double.longBitsToDouble(to))
                    : Long.compare(from, to);
            if (order.descending() ? fromVersusTo < 0 : fromVersusTo > 0) {
                throw invalid("WITH FILL "
                        + (order.descending()
                                ? "TO value cannot be greater than FROM value"
                                : "FROM value cannot be greater than TO value")
                        + " for sorting in " + (order.descending() ? "descending" : "ascending") + " direction, "
                        + key);
            }
        }
        return new FillKey(sortKey.column(), sortKey.type(), order.descending(), floating, from, to, step);
    }

    private static long one(int sign, boolean floating) {
        return floating ? Double.doubleToRawLongBits(sign) : sign;
    }

    /** FROM or TO as the key's column holds it. */
    private static Long bound(BoundExpression expression, DataType type, boolean floating, String what, String key) {
        Constant constant = constant(expression, what, key);
        if (constant.isNull()) {
            return null;
        }
        Column value = TypeConversion.cast(constant.toColumn(), constant.type(), type, 1);
        return switch (value) {
            case LongColumn longs when !floating -> longs.get(0);
            case DoubleColumn doubles when floating -> Double.doubleToRawLongBits(doubles.get(0));
            default -> throw invalid("WITH FILL " + what + " of " + key + " is not a value of type " + type.name());
        };
    }

    /** STEP in the key's units: a number, or an INTERVAL of a fixed length for Date and DateTime. */
    private static long step(BoundExpression expression, DataType type, boolean floating, String key) {
        Constant constant = constant(expression, "STEP", key);
        DataType stepType = constant.type().withoutNullable();
        if (constant.isNull()) {
            throw invalid("WITH FILL STEP of " + key + " is NULL");
        }
        if (stepType instanceof IntervalType interval) {
            return intervalStep(interval, constant.longValue(), type, key);
        }
        if (floating) {
            Column value = TypeConversion.cast(constant.toColumn(), constant.type(), FloatType.FLOAT64, 1);
            return Double.doubleToRawLongBits(((DoubleColumn) value).get(0));
        }
        if (stepType instanceof IntegerType) {
            return constant.longValue();
        }
        if (stepType instanceof FloatType) {
            double step = constant.doubleValue();
            if (step == Math.rint(step)) {
                return (long) step;
            }
        }
        throw invalid("WITH FILL STEP of " + key + " must be a whole number for type " + type.name() + ", got "
                + constant.type().name());
    }

    private static long intervalStep(IntervalType interval, long count, DataType type, String key) {
        if (!(type instanceof DateType) && !(type instanceof DateTimeType)) {
            throw invalid("WITH FILL STEP of " + key + " is an interval, but " + key + " is not a Date or DateTime");
        }
        if (!interval.unit().isFixed()) {
            throw new ColumbaException(
                    ErrorCode.NOT_IMPLEMENTED,
                    "WITH FILL STEP INTERVAL of months, quarters or years is not supported (" + key + ")");
        }
        long seconds = count * interval.unit().seconds();
        if (type instanceof DateTimeType) {
            return seconds;
        }
        if (seconds % 86400 != 0) {
            throw invalid("WITH FILL STEP of Date " + key + " must be whole days");
        }
        return seconds / 86400;
    }

    private static Constant constant(BoundExpression expression, String what, String key) {
        if (expression instanceof Constant constant) {
            return constant;
        }
        throw invalid("WITH FILL " + what + " of " + key + " must be a constant expression");
    }

    private static ColumbaException invalid(String message) {
        return new ColumbaException(ErrorCode.INVALID_WITH_FILL_EXPRESSION, message);
    }
}
