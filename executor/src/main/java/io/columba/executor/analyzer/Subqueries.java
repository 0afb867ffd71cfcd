package io.columba.executor.analyzer;

import io.columba.executor.expression.Constant;
import io.columba.executor.operator.Blocks;
import io.columba.storage.block.Block;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.PhysicalType;
import io.columba.storage.type.TupleType;
import java.util.List;

/**
 * Uncorrelated subqueries, run once while binding: a scalar subquery is the constant of its one row (a tuple
 * for several columns; NULL when it has no row), and the set of {@code IN (SELECT ...)} is a constant array of
 * its rows.
 */
final class Subqueries {
    private Subqueries() {}

    static boolean isMembership(String function) {
        return switch (function) {
            case "in", "notIn", "globalIn", "globalNotIn" -> true;
            default -> false;
        };
    }

    static Constant scalar(Plan plan) {
        Block rows = rows(plan);
        if (rows.rowCount() > 1) {
            throw new ColumbaException(
                    ErrorCode.INCORRECT_RESULT_OF_SCALAR_SUBQUERY, "Scalar subquery returned more than one row");
        }
        DataType type = valueType(plan);
        if (rows.rowCount() == 0) {
            boolean nullable = type.physicalType() != PhysicalType.ARRAY && type.physicalType() != PhysicalType.TUPLE;
            DataType result = nullable ? NullableType.of(type) : type;
            return Constant.fromColumn(result, ColumnBuilder.defaults(result, 1), 0);
        }
        return Constant.fromColumn(type, value(rows), 0);
    }

    static Constant set(Plan plan) {
        Block rows = rows(plan);
        DataType element = valueType(plan);
        int[] offsets = {0, rows.rowCount()};
        Column array = new ArrayColumn(offsets, value(rows), null, 1);
        return new Constant(new ArrayType(element), array);
    }

    private static Block rows(Plan plan) {
        List<Block> blocks = Blocks.drain(plan.root());
        if (blocks.isEmpty()) {
            return new Block(
                    0,
                    plan.types().stream()
                            .map(type -> ColumnBuilder.defaults(type, 0))
                            .toList());
        }
        return Blocks.concat(blocks, plan.types());
    }

    private static DataType valueType(Plan plan) {
        return plan.types().size() == 1 ? plan.types().get(0) : TupleType.of(plan.types());
    }

    private static Column value(Block rows) {
        return rows.columnCount() == 1
                ? rows.column(0).materialize()
                : new TupleColumn(
                        rows.columns().stream().map(Column::materialize).toList(), null, rows.rowCount());
    }
}
