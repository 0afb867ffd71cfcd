package io.columba.sql.ast;

import java.util.List;
import java.util.Map;

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

    /**
     * {@code MODIFY COLUMN [IF EXISTS] declaration [AFTER name | FIRST]} with more than a type and a DEFAULT: a
     * codec, a comment, a TTL, another kind of default, or no type.
     */
    record ModifyColumnDeclaration(ColumnDeclaration column, boolean ifExists, String after, boolean first)
            implements AlterCommand {}

    /**
     * {@code MODIFY COLUMN name REMOVE property} ({@code removed} is DEFAULT, CODEC, COMMENT, TTL, ...) or
     * {@code MODIFY COLUMN name MODIFY | RESET SETTING ...} ({@code settings}, {@code reset} names).
     */
    record ModifyColumnProperty(String name, String removed, Map<String, Expression> settings, List<String> reset)
            implements AlterCommand {
        public ModifyColumnProperty {
            settings = Map.copyOf(settings);
            reset = List.copyOf(reset);
        }
    }

    /** {@code RENAME COLUMN [IF EXISTS] from TO to}. */
    record RenameColumn(String from, String to, boolean ifExists) implements AlterCommand {}

    /**
     * Which rows a command touches: {@code PARTITION expression}, {@code PARTITION ID 'id'}, {@code PARTITION ALL}
     * or {@code PART 'name'}; exactly one of {@code value}, {@code id}, {@code part} is set, or none for ALL.
     */
    record Partition(Expression value, String id, String part) {
        public boolean all() {
            return value == null && id == null && part == null;
        }
    }

    /** What a partition command does. */
    enum PartitionAction {
        DROP,
        DETACH,
        ATTACH,
        ATTACH_FROM,
        REPLACE,
        FREEZE,
        UNFREEZE,
        FETCH,
        MOVE,
        DROP_DETACHED
    }

    /**
     * {@code DROP | DETACH | ATTACH | FREEZE | FETCH | MOVE | REPLACE PARTITION ...}; {@code source} is the table or
     * path it reads from ({@code FROM}), {@code destination} where MOVE sends it ({@code TABLE t}, {@code DISK 'd'}),
     * each null when absent.
     */
    record PartitionCommand(PartitionAction action, Partition partition, String source, String destination)
            implements AlterCommand {}

    /** What is done to an index, a projection, statistics or a column's data. */
    enum Action {
        ADD,
        MODIFY,
        DROP,
        CLEAR,
        MATERIALIZE
    }

    /** {@code CLEAR | MATERIALIZE COLUMN name [IN PARTITION ...]}: the column's data, not its declaration. */
    record ColumnDataCommand(Action action, String name, Partition partition) implements AlterCommand {}

    /** {@code COMMENT COLUMN name 'comment'}. */
    record CommentColumn(String name, String comment) implements AlterCommand {}

    /** {@code ADD INDEX declaration}, or {@code DROP | CLEAR | MATERIALIZE INDEX name [IN PARTITION ...]}. */
    record IndexCommand(Action action, String name, IndexDeclaration index, Partition partition)
            implements AlterCommand {}

    /** {@code ADD PROJECTION declaration}, or {@code DROP | CLEAR | MATERIALIZE PROJECTION name [IN ...]}. */
    record ProjectionCommand(Action action, String name, ProjectionDeclaration projection, Partition partition)
            implements AlterCommand {}

    /** {@code ADD CONSTRAINT name CHECK expression} ({@code check} null for DROP CONSTRAINT name). */
    record ConstraintCommand(Action action, String name, Expression check, boolean assume) implements AlterCommand {}

    /** {@code ADD | MODIFY | DROP | CLEAR | MATERIALIZE STATISTICS columns [TYPE types]}; no columns for ALL. */
    record StatisticsCommand(Action action, List<Expression> columns, List<Expression> types) implements AlterCommand {
        public StatisticsCommand {
            columns = List.copyOf(columns);
            types = List.copyOf(types);
        }
    }

    /** {@code MODIFY SETTING name = value, ...}. */
    record ModifySettings(Map<String, Expression> settings) implements AlterCommand {
        public ModifySettings {
            settings = Map.copyOf(settings);
        }
    }

    /** {@code RESET SETTING name, ...}. */
    record ResetSettings(List<String> names) implements AlterCommand {
        public ResetSettings {
            names = List.copyOf(names);
        }
    }

    /** {@code MODIFY TTL rules}. */
    record ModifyTtl(List<TtlRule> rules) implements AlterCommand {
        public ModifyTtl {
            rules = List.copyOf(rules);
        }
    }

    /** {@code MODIFY QUERY SELECT ...} of a materialized view. */
    record ModifyQuery(SelectUnion query) implements AlterCommand {}

    /** A command on the whole table. */
    enum TableAction {
        MODIFY_ORDER_BY,
        MODIFY_SAMPLE_BY,
        MODIFY_COMMENT,
        REMOVE_SAMPLE_BY,
        REMOVE_TTL,
        MATERIALIZE_TTL,
        FREEZE_ALL,
        UNFREEZE_ALL,
        APPLY_DELETED_MASK,
        APPLY_PATCHES,
        REWRITE_PARTS
    }

    /**
     * {@code MODIFY ORDER BY x}, {@code MODIFY COMMENT 'c'}, {@code REMOVE TTL}, {@code FREEZE}, ...: {@code argument}
     * is the expression or comment literal the action takes and {@code partition} its {@code IN PARTITION}, each
     * null when absent.
     */
    record TableCommand(TableAction action, Expression argument, Partition partition) implements AlterCommand {}
}
