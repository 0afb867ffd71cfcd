package io.columba.executor.catalog;

import io.columba.executor.analyzer.ExpressionBinder;
import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.sql.ast.TtlRule;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.engine.RowExpiry;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTime64Type;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's {@code TTL expr [DELETE] [WHERE cond], ...}: a row expires at the earliest time of the rules whose
 * condition holds for it. Dates expire at the start of their day (UTC).
 */
final class TableTtl implements RowExpiry {
    private record Rule(BoundExpression time, BoundExpression where) {}

    private final List<Rule> rules;

    private TableTtl(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The TTL of a table's rules, or null when it has none; refuses rules other than row deletion. */
    static TableTtl of(List<TtlRule> rules, ExpressionBinder binder) {
        if (rules.isEmpty()) {
            return null;
        }
        List<Rule> bound = new ArrayList<>();
        for (TtlRule rule : rules) {
            if (rule.move() != null) {
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED,
                        "TTL ... TO " + rule.move() + " is not supported: Columba keeps every part on one disk");
            }
            // A roll-up or recompression rule is no delete rule: refused rather than deleting the rows.
            if (!rule.groupBy().isEmpty() || !rule.recompress().isEmpty()) {
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED, "TTL ... GROUP BY and TTL ... RECOMPRESS are not supported");
            }
            BoundExpression time = binder.bind(rule.expression());
            DataType type = time.type().withoutNullable();
            if (!(type instanceof DateType || type instanceof DateTimeType || type instanceof DateTime64Type)) {
                throw new ColumbaException(
                        ErrorCode.BAD_TTL_EXPRESSION,
                        "TTL expression result column should have DateTime or Date type, but has " + type.name());
            }
            BoundExpression where = rule.where() == null ? null : binder.bind(rule.where());
            bound.add(new Rule(time, where));
        }
        return new TableTtl(bound);
    }

    @Override
    public long[] expiryTimes(Block rows) {
        long[] times = new long[rows.rowCount()];
        java.util.Arrays.fill(times, NEVER);
        for (Rule rule : rules) {
            Column values = ExpressionEvaluator.evaluate(rule.time(), rows).materialize();
            Column conditions = rule.where() == null
                    ? null
                    : ExpressionEvaluator.evaluate(rule.where(), rows).materialize();
            DataType type = rule.time().type().withoutNullable();
            long[] raw = ((LongColumn) values).values();
            for (int row = 0; row < times.length; row++) {
                if (values.isNull(row) || conditions != null && !holds(conditions, row)) {
                    continue;
                }
                times[row] = Math.min(times[row], seconds(raw[row], type));
            }
        }
        return times;
    }

    private static boolean holds(Column condition, int row) {
        return !condition.isNull(row) && ((LongColumn) condition).get(row) != 0;
    }

    private static long seconds(long value, DataType type) {
        return switch (type) {
            case DateType ignored -> value * 86400;
            case DateTime64Type ticks -> Math.floorDiv(value, ticks.scale());
            default -> value;
        };
    }
}
