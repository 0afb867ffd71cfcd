package io.columba.executor;

import io.columba.executor.catalog.Catalog;
import io.columba.executor.catalog.TableEntry;
import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.scalar.TypeConversion;
import io.columba.sql.ast.AlterCommand;
import io.columba.sql.ast.AlterStatement;
import io.columba.sql.ast.ColumnDeclaration;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Runs ALTER TABLE: the mutations (DELETE, UPDATE) rewrite parts through a row filter or an update; the column
 * changes (ADD, DROP, MODIFY, RENAME COLUMN) rewrite parts into the new columns, except an ADD without DEFAULT,
 * which only changes the definition (older parts read the type's default). Commands run one after another, each
 * complete before the statement returns (as ClickHouse does with {@code mutations_sync = 2}).
 */
final class AlterExecutor {
    private final Catalog catalog;
    private final FunctionRegistry functions;

    AlterExecutor(Catalog catalog, FunctionRegistry functions) {
        this.catalog = catalog;
        this.functions = functions;
    }

    void execute(AlterStatement alter) {
        for (AlterCommand command : alter.commands()) {
            TableEntry entry = catalog.get(alter.table());
            switch (command) {
                case AlterCommand.DeleteRows delete ->
                    catalog.mutate(alter.table(), catalog.deleteTransform(entry, delete.where()));
                case AlterCommand.UpdateRows update ->
                    catalog.mutate(
                            alter.table(),
                            catalog.updateTransform(entry, update.columns(), update.values(), update.where()));
                case AlterCommand.AddColumn add -> addColumn(entry, add);
                case AlterCommand.DropColumn drop -> dropColumn(entry, drop);
                case AlterCommand.ModifyColumn modify -> modifyColumn(entry, modify);
                case AlterCommand.RenameColumn rename -> renameColumn(entry, rename);
                // An ALTER command the parser knows and the engine does not run (yet).
                default ->
                    throw new ColumbaException(
                            ErrorCode.NOT_IMPLEMENTED,
                            "ALTER " + command.getClass().getSimpleName() + " is not supported");
            }
        }
    }

    private void addColumn(TableEntry entry, AlterCommand.AddColumn add) {
        List<ColumnDeclaration> columns = new ArrayList<>(entry.definition().columns());
        ColumnDeclaration column = add.column();
        if (indexOf(columns, column.name()) >= 0) {
            if (add.ifNotExists()) {
                return;
            }
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_COLUMN,
                    "Cannot add column `" + column.name() + "`: column with this name already exists");
        }
        DataType type = io.columba.executor.catalog.Catalog.definition(column).type();
        int position = columns.size();
        if (add.first()) {
            position = 0;
        } else if (add.after() != null) {
            position = indexOf(columns, add.after()) + 1;
            if (position == 0) {
                throw noSuchColumn(add.after(), "insert after");
            }
        }
        columns.add(position, column);
        if (column.defaultExpression() == null) {
            catalog.changeColumns(entry.name(), columns, null);
            return;
        }
        BoundExpression value = catalog.binder(entry).bind(column.defaultExpression());
        int at = position;
        catalog.changeColumns(entry.name(), columns, rows -> {
            List<Column> result = new ArrayList<>(rows.columns());
            Column computed = TypeConversion.cast(
                            ExpressionEvaluator.evaluate(value, rows), value.type(), type, rows.rowCount())
                    .materialize();
            result.add(at, computed);
            return new Block(rows.rowCount(), result);
        });
    }

    private void dropColumn(TableEntry entry, AlterCommand.DropColumn drop) {
        List<ColumnDeclaration> columns = new ArrayList<>(entry.definition().columns());
        int index = indexOf(columns, drop.name());
        if (index < 0) {
            if (drop.ifExists()) {
                return;
            }
            throw noSuchColumn(drop.name(), "drop");
        }
        forbidKeyColumn(entry, drop.name(), "DROP");
        if (columns.size() == 1) {
            throw new ColumbaException(ErrorCode.BAD_ARGUMENTS, "Cannot drop the only column of a table");
        }
        columns.remove(index);
        catalog.changeColumns(entry.name(), columns, rows -> {
            List<Column> result = new ArrayList<>(rows.columns());
            result.remove(index);
            return new Block(rows.rowCount(), result);
        });
    }

    private void modifyColumn(TableEntry entry, AlterCommand.ModifyColumn modify) {
        List<ColumnDeclaration> columns = new ArrayList<>(entry.definition().columns());
        int index = indexOf(columns, modify.name());
        if (index < 0) {
            if (modify.ifExists()) {
                return;
            }
            throw noSuchColumn(modify.name(), "modify");
        }
        forbidKeyColumn(entry, modify.name(), "MODIFY");
        DataType from = entry.table().schema().columns().get(index).type();
        DataType to = DataTypeParser.parse(modify.type());
        columns.set(index, new ColumnDeclaration(modify.name(), modify.type(), modify.defaultExpression()));
        catalog.changeColumns(entry.name(), columns, rows -> {
            List<Column> result = new ArrayList<>(rows.columns());
            result.set(
                    index,
                    TypeConversion.cast(rows.column(index), from, to, rows.rowCount())
                            .materialize());
            return new Block(rows.rowCount(), result);
        });
    }

    private void renameColumn(TableEntry entry, AlterCommand.RenameColumn rename) {
        List<ColumnDeclaration> columns = new ArrayList<>(entry.definition().columns());
        int index = indexOf(columns, rename.from());
        if (index < 0) {
            if (rename.ifExists()) {
                return;
            }
            throw noSuchColumn(rename.from(), "rename");
        }
        if (indexOf(columns, rename.to()) >= 0) {
            throw new ColumbaException(
                    ErrorCode.DUPLICATE_COLUMN,
                    "Cannot rename to `" + rename.to() + "`: column with this name already exists");
        }
        forbidKeyColumn(entry, rename.from(), "RENAME");
        ColumnDeclaration old = columns.get(index);
        columns.set(index, new ColumnDeclaration(rename.to(), old.type(), old.defaultExpression()));
        catalog.changeColumns(entry.name(), columns, UnaryOperator.identity());
    }

    private static void forbidKeyColumn(TableEntry entry, String name, String action) {
        Set<String> keyColumns = Catalog.keyColumns(entry);
        if (keyColumns.contains(name)) {
            throw new ColumbaException(
                    ErrorCode.ALTER_OF_COLUMN_IS_FORBIDDEN,
                    "Trying to ALTER " + action + " key " + name + " column which is a part of key expression");
        }
    }

    private static int indexOf(List<ColumnDeclaration> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static ColumbaException noSuchColumn(String name, String action) {
        return new ColumbaException(
                ErrorCode.NOT_FOUND_COLUMN_IN_BLOCK,
                "Wrong column name. Cannot find column `" + name + "` to " + action);
    }
}
