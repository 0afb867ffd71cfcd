package io.columba.sql.ast;

import java.util.List;

/** One command of ALTER TABLE: a mutation of rows or a change of the columns. */
public sealed interface AlterCommand {

    /** {@code DELETE WHERE condition}. */
    record DeleteRows(Expression where) implements AlterCommand {}

    /** {@code UPDATE column = expression [, ...] WHERE condition}. */
    record UpdateRows(List<String> columns, List<Expression> values, Expression where) implements AlterCommand {
        public UpdateRows {
            columns = List.copyOf(columns);
            values = List.copyOf(values);
        }
    }

    /** {@code ADD COLUMN [IF NOT EXISTS] declaration [AFTER name | FIRST]}; {@code after} null when absent. */
    record AddColumn(ColumnDeclaration column, boolean ifNotExists, String after, boolean first)
            implements AlterCommand {}

    /** {@code DROP COLUMN [IF EXISTS] name}. */
    record DropColumn(String name, boolean ifExists) implements AlterCommand {}

    /** {@code MODIFY COLUMN [IF EXISTS] name type [DEFAULT expression]}. */
    record ModifyColumn(String name, String type, Expression defaultExpression, boolean ifExists)
            implements AlterCommand {}

    /** {@code RENAME COLUMN [IF EXISTS] from TO to}. */
    record RenameColumn(String from, String to, boolean ifExists) implements AlterCommand {}
}
