package io.columba.sql.explain;

import io.columba.sql.ast.AlterCommand;
import io.columba.sql.ast.AlterCommand.Action;
import io.columba.sql.ast.AlterCommand.Partition;
import io.columba.sql.ast.ColumnDeclaration;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.TtlRule;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE commands as ClickHouse prints them: {@code AlterCommand TYPE} with ClickHouse's type names
 * ({@code DETACH PARTITION} is a {@code DROP_PARTITION}, {@code CLEAR INDEX} a {@code DROP_INDEX}) over their
 * arguments, the partition last.
 */
final class AlterExplainer {
    private final StatementExplainer statements;
    private final ExpressionExplainer expressions;

    AlterExplainer(StatementExplainer statements, ExpressionExplainer expressions) {
        this.statements = statements;
        this.expressions = expressions;
    }

    ExplainNode command(AlterCommand command) {
        return switch (command) {
            case AlterCommand.DeleteRows delete -> node("DELETE", expressions.expression(delete.where()));
            case AlterCommand.UpdateRows update ->
                node("UPDATE", expressions.expression(update.where()), assignments(update.columns(), update.values()));
            case AlterCommand.ModifyColumnDeclaration modify -> {
                List<ExplainNode> children = new ArrayList<>();
                children.add(statements.column(modify.column()));
                if (modify.after() != null) {
                    children.add(identifier(modify.after()));
                }
                yield ExplainNode.of("AlterCommand MODIFY_COLUMN", children);
            }
            case AlterCommand.ModifyColumnProperty modify ->
                modify.settings().isEmpty()
                        ? node("MODIFY_COLUMN", ExplainNode.leaf("ColumnDeclaration " + modify.name()))
                        : node(
                                "MODIFY_COLUMN",
                                ExplainNode.leaf("ColumnDeclaration " + modify.name()),
                                ExplainNode.leaf("Set"));
            case AlterCommand.AddColumn add -> {
                List<ExplainNode> children = new ArrayList<>();
                children.add(statements.column(add.column()));
                if (add.after() != null) {
                    children.add(identifier(add.after()));
                }
                yield ExplainNode.of("AlterCommand ADD_COLUMN", children);
            }
            case AlterCommand.DropColumn drop -> node("DROP_COLUMN", identifier(drop.name()));
            case AlterCommand.ModifyColumn modify -> {
                ColumnDeclaration column =
                        new ColumnDeclaration(modify.name(), modify.type(), modify.defaultExpression());
                yield node("MODIFY_COLUMN", statements.column(column));
            }
            case AlterCommand.RenameColumn rename ->
                node("RENAME_COLUMN", identifier(rename.from()), identifier(rename.to()));
            case AlterCommand.ColumnDataCommand data ->
                withPartition(
                        data.action() == Action.CLEAR ? "DROP_COLUMN" : "MATERIALIZE_COLUMN",
                        data.partition(),
                        identifier(data.name()));
            case AlterCommand.CommentColumn comment ->
                node(
                        "COMMENT_COLUMN",
                        identifier(comment.name()),
                        ExplainNode.leaf("Literal " + LiteralDump.quoted(comment.comment())));
            case AlterCommand.IndexCommand index ->
                index.action() == Action.ADD
                        ? node("ADD_INDEX", statements.index(index.index()))
                        : withPartition(
                                index.action() == Action.MATERIALIZE ? "MATERIALIZE_INDEX" : "DROP_INDEX",
                                index.partition(),
                                identifier(index.name()));
            case AlterCommand.ProjectionCommand projection ->
                projection.action() == Action.ADD
                        ? node("ADD_PROJECTION", statements.projection(projection.projection()))
                        : withPartition(
                                projection.action() == Action.MATERIALIZE
                                        ? "MATERIALIZE_PROJECTION"
                                        : "DROP_PROJECTION",
                                projection.partition(),
                                identifier(projection.name()));
            case AlterCommand.ConstraintCommand constraint ->
                constraint.action() == Action.ADD
                        ? node(
                                "ADD_CONSTRAINT",
                                ExplainNode.of("Constraint", expressions.expression(constraint.check())))
                        : node("DROP_CONSTRAINT", identifier(constraint.name()));
            case AlterCommand.StatisticsCommand statistics -> statistics(statistics);
            case AlterCommand.PartitionCommand partition ->
                withPartition(partitionType(partition.action()), partition.partition());
            case AlterCommand.ModifySettings ignored -> node("MODIFY_SETTING", ExplainNode.leaf("Set"));
            case AlterCommand.ResetSettings reset ->
                node(
                        "RESET_SETTING",
                        expressions.list(
                                reset.names().stream().map(Identifier::of).toList()));
            case AlterCommand.ModifyTtl ttl -> node("MODIFY_TTL", ttl(ttl.rules()));
            case AlterCommand.ModifyQuery query ->
                node("MODIFY_QUERY", statements.queries().union(query.query()));
            case AlterCommand.TableCommand table ->
                table.argument() == null
                        ? withPartition(table.action().name(), table.partition())
                        : node(table.action().name(), expressions.expression(table.argument()));
        };
    }

    /** {@code SET a = x, b = y}: an {@code Assignment} per column. */
    ExplainNode assignments(List<String> columns, List<io.columba.sql.ast.Expression> values) {
        List<ExplainNode> assignments = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            assignments.add(ExplainNode.of("Assignment " + columns.get(i), expressions.expression(values.get(i))));
        }
        return ExplainNode.of("ExpressionList", assignments);
    }

    /** TTL rules as a list of {@code TTLElement}s over their expression and WHERE condition. */
    ExplainNode ttl(List<TtlRule> rules) {
        List<ExplainNode> elements = new ArrayList<>();
        for (TtlRule rule : rules) {
            List<ExplainNode> parts = new ArrayList<>();
            parts.add(expressions.expression(rule.expression()));
            if (rule.where() != null) {
                parts.add(expressions.expression(rule.where()));
            }
            elements.add(ExplainNode.of("TTLElement", parts));
        }
        return ExplainNode.of("ExpressionList", elements);
    }

    private ExplainNode statistics(AlterCommand.StatisticsCommand statistics) {
        String type = switch (statistics.action()) {
            case ADD -> "ADD_STATISTICS";
            case MODIFY -> "MODIFY_STATISTICS";
            case MATERIALIZE -> "MATERIALIZE_STATISTICS";
            case DROP -> "DROP_STATISTICS";
            case CLEAR -> "CLEAR_STATISTICS";
        };
        List<ExplainNode> stat = new ArrayList<>();
        if (!statistics.columns().isEmpty()) {
            stat.add(expressions.list(statistics.columns()));
        }
        if (!statistics.types().isEmpty()) {
            stat.add(expressions.list(statistics.types()));
        }
        return node(type, ExplainNode.of("Stat", stat));
    }

    private static String partitionType(AlterCommand.PartitionAction action) {
        return switch (action) {
            case DROP, DETACH -> "DROP_PARTITION";
            case ATTACH -> "ATTACH_PARTITION";
            case ATTACH_FROM, REPLACE -> "REPLACE_PARTITION";
            case FREEZE -> "FREEZE_PARTITION";
            case UNFREEZE -> "UNFREEZE_PARTITION";
            case FETCH -> "FETCH_PARTITION";
            case MOVE -> "MOVE_PARTITION";
            case DROP_DETACHED -> "DROP_DETACHED_PARTITION";
        };
    }

    /** The command over its arguments and, when it names one, the partition last. */
    private ExplainNode withPartition(String type, Partition partition, ExplainNode... arguments) {
        List<ExplainNode> children = new ArrayList<>(List.of(arguments));
        if (partition != null) {
            children.add(partition(partition));
        }
        return ExplainNode.of("AlterCommand " + type, children);
    }

    /** {@code Partition} over its expression, {@code Partition_ID} for ALL and IDs, a literal for a PART. */
    ExplainNode partition(Partition partition) {
        if (partition.part() != null) {
            return ExplainNode.leaf("Literal " + LiteralDump.quoted(partition.part()));
        }
        if (partition.id() != null) {
            String literal = "Literal " + LiteralDump.quoted(partition.id());
            return ExplainNode.of("Partition_ID " + literal.replace(' ', '_'), ExplainNode.leaf(literal));
        }
        if (partition.all()) {
            return ExplainNode.leaf("Partition_ID ");
        }
        return ExplainNode.of("Partition", expressions.expression(partition.value()));
    }

    private static ExplainNode node(String type, ExplainNode... children) {
        return ExplainNode.of("AlterCommand " + type, children);
    }

    private static ExplainNode identifier(String name) {
        return StatementExplainer.identifier(name);
    }
}
