package io.columba.executor.analyzer;

import io.columba.executor.catalog.Catalog;
import io.columba.executor.catalog.TableEntry;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.system.SystemTables;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Literal;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.TableReference;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.DataPart;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code FROM t SAMPLE k [OFFSET m]} on a table with {@code SAMPLE BY expr}: the rows whose expr (an unsigned integer
 * of b bits) lies in {@code [m * 2^b, (m + k) * 2^b)}, as ClickHouse picks them, so the same rows come back every
 * time and for every query with the same ratio. {@code SAMPLE n} with n > 1 asks for about n rows: the ratio n /
 * the table's rows. The sample becomes a WHERE condition, which the primary key can prune when it starts with expr.
 */
final class Sampling {
    private Sampling() {}

    static SelectQuery apply(SelectQuery select, Catalog catalog, FunctionRegistry functions) {
        if (!(select.from() instanceof TableReference reference)
                || reference.sample() == null
                || SystemTables.DATABASE.equals(reference.database())
                || !catalog.exists(reference.table())) {
            return select;
        }
        TableEntry entry = catalog.get(reference.table());
        Expression sampleBy = entry.definition().engine().sampleBy();
        if (sampleBy == null) {
            throw new ColumbaException(
                    ErrorCode.SAMPLING_NOT_SUPPORTED,
                    "Illegal SAMPLE: table " + reference.table() + " doesn't support sampling (it has no SAMPLE BY)");
        }
        List<ColumnDefinition> columns = entry.table().schema().columns();
        DataType type = new ExpressionBinder(
                        functions,
                        columns.stream().map(ColumnDefinition::name).toList(),
                        columns.stream().map(ColumnDefinition::type).toList(),
                        null,
                        "SAMPLE BY")
                .bind(sampleBy)
                .type();
        if (!(type instanceof IntegerType integer) || integer.signed()) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER,
                    "The sampling expression must be an unsigned integer, found " + type.name());
        }
        BigDecimal space = new BigDecimal(BigInteger.ONE.shiftLeft(8 * integer.bytes()));
        BigDecimal ratio = fraction(reference.sample().ratio());
        if (ratio.compareTo(BigDecimal.ONE) > 0) {
            long rows = 0;
            for (DataPart part : entry.table().snapshot()) {
                rows += part.rowCount();
            }
            ratio = rows == 0
                    ? BigDecimal.ONE
                    : ratio.divide(BigDecimal.valueOf(rows), 20, RoundingMode.UP)
                            .min(BigDecimal.ONE);
        }
        BigDecimal offset = reference.sample().offset() == null
                ? BigDecimal.ZERO
                : fraction(reference.sample().offset());
        BigInteger lower =
                offset.multiply(space).setScale(0, RoundingMode.FLOOR).toBigInteger();
        BigInteger upper = offset.add(ratio)
                .multiply(space)
                .setScale(0, RoundingMode.FLOOR)
                .toBigInteger();
        Expression condition = null;
        if (lower.signum() > 0) {
            condition = FunctionCall.of("greaterOrEquals", sampleBy, number(lower));
        }
        if (upper.compareTo(space.toBigInteger()) < 0) {
            Expression below = FunctionCall.of("less", sampleBy, number(upper));
            condition = condition == null ? below : FunctionCall.of("and", condition, below);
        }
        TableReference unsampled =
                new TableReference(reference.database(), reference.table(), reference.fin(), reference.alias());
        Expression where = select.where();
        if (condition != null) {
            where = where == null ? condition : FunctionCall.of("and", where, condition);
        }
        return select.withSource(unsampled, where);
    }

    private static BigDecimal fraction(TableReference.Ratio ratio) {
        if (ratio.denominator().signum() == 0) {
            throw new ColumbaException(ErrorCode.ARGUMENT_OUT_OF_BOUND, "The SAMPLE ratio divides by zero");
        }
        return new BigDecimal(ratio.numerator()).divide(new BigDecimal(ratio.denominator()), 30, RoundingMode.DOWN);
    }

    private static Literal number(BigInteger value) {
        return new Literal(Literal.Kind.UINT64, value.longValue());
    }
}
