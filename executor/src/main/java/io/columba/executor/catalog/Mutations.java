package io.columba.executor.catalog;

import io.columba.executor.analyzer.ExpressionBinder;
import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.scalar.TypeConversion;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.Identifier;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.LongColumn;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Row transforms of mutations ({@code ALTER TABLE ... DELETE/UPDATE}, {@code DELETE FROM}), bound to a table's
 * columns: what each rewritten part goes through.
 */
final class Mutations {
    private Mutations() {}

    /** Keeps the rows where {@code where} is not true (false or NULL). */
    static UnaryOperator<Block> delete(FunctionRegistry functions, TableEntry entry, Expression where) {
        BoundExpression condition = binder(functions, entry).bind(where);
        return rows -> {
            boolean[] matches = matches(condition, rows);
            int[] kept = new int[rows.rowCount()];
            int count = 0;
            for (int row = 0; row < rows.rowCount(); row++) {
                if (!matches[row]) {
                    kept[count++] = row;
                }
            }
            return count == rows.rowCount() ? rows : rows.take(kept, count);
        };
    }

    /** Sets {@code columns} to {@code values} (cast to the column types) in the rows where {@code where} is true. */
    static UnaryOperator<Block> update(
            FunctionRegistry functions,
            TableEntry entry,
            List<String> columns,
            List<Expression> values,
            Expression where) {
        ExpressionBinder binder = binder(functions, entry);
        BoundExpression condition = binder.bind(where);
        List<ColumnDefinition> definitions = entry.table().schema().columns();
        Set<String> keyColumns = keyColumns(entry);
        int[] targets = new int[columns.size()];
        List<BoundExpression> bound = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i);
            targets[i] = entry.table().schema().indexOf(name);
            if (targets[i] < 0) {
                throw new ColumbaException(
                        ErrorCode.NO_SUCH_COLUMN_IN_TABLE, "There is no column `" + name + "` in table");
            }
            if (keyColumns.contains(name)) {
                throw new ColumbaException(ErrorCode.CANNOT_UPDATE_COLUMN, "Cannot UPDATE key column `" + name + "`");
            }
            bound.add(binder.bind(values.get(i)));
        }
        return rows -> {
            boolean[] matches = matches(condition, rows);
            List<Column> result = new ArrayList<>(rows.columns());
            for (int i = 0; i < targets.length; i++) {
                DataType type = definitions.get(targets[i]).type();
                Column value = TypeConversion.cast(
                                ExpressionEvaluator.evaluate(bound.get(i), rows),
                                bound.get(i).type(),
                                type,
                                rows.rowCount())
                        .materialize();
                Column old = rows.column(targets[i]);
                ColumnBuilder builder = ColumnBuilder.forType(type, rows.rowCount());
                for (int row = 0; row < rows.rowCount(); row++) {
                    builder.appendFrom(matches[row] ? value : old, row);
                }
                result.set(targets[i], builder.build());
            }
            return new Block(rows.rowCount(), result);
        };
    }

    /** The columns named as whole elements of the partition or sorting key: ALTER may not change them. */
    static Set<String> keyColumns(TableEntry entry) {
        Set<String> names = new HashSet<>();
        var engine = entry.definition().engine();
        List<Expression> keys = new ArrayList<>();
        if (engine.orderBy() != null) {
            keys.addAll(Catalog.tupleElements(engine.orderBy()));
        }
        if (engine.primaryKey() != null) {
            keys.addAll(Catalog.tupleElements(engine.primaryKey()));
        }
        if (engine.partitionBy() != null) {
            keys.add(engine.partitionBy());
        }
        keys.addAll(engine.arguments());
        for (Expression key : keys) {
            collect(key, names);
        }
        return names;
    }

    static void collect(Expression expression, Set<String> names) {
        if (expression instanceof Identifier identifier) {
            names.add(identifier.name());
        } else if (expression instanceof io.columba.sql.ast.FunctionCall call) {
            for (Expression argument : call.arguments()) {
                collect(argument, names);
            }
        }
    }

    static ExpressionBinder binder(FunctionRegistry functions, TableEntry entry) {
        List<ColumnDefinition> columns = entry.table().schema().columns();
        return new ExpressionBinder(
                functions,
                columns.stream().map(ColumnDefinition::name).toList(),
                columns.stream().map(ColumnDefinition::type).toList(),
                null,
                "mutation");
    }

    private static boolean[] matches(BoundExpression condition, Block rows) {
        Column column = ExpressionEvaluator.evaluate(condition, rows).materialize();
        if (!(column instanceof LongColumn values)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER,
                    "Illegal type " + condition.type().name() + " of column for filter in mutation");
        }
        boolean[] matches = new boolean[rows.rowCount()];
        for (int row = 0; row < rows.rowCount(); row++) {
            matches[row] = values.get(row) != 0 && !values.isNull(row);
        }
        return matches;
    }
}
