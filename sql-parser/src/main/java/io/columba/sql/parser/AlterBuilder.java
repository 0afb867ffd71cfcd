package io.columba.sql.parser;

import io.columba.sql.ast.AlterCommand;
import io.columba.sql.ast.AlterCommand.Action;
import io.columba.sql.ast.AlterCommand.Partition;
import io.columba.sql.ast.AlterCommand.PartitionAction;
import io.columba.sql.ast.AlterCommand.TableAction;
import io.columba.sql.ast.Literal;
import io.columba.sql.ast.TtlRule;
import io.columba.sql.parser.ClickHouseParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.Token;

/** Builds the commands of ALTER TABLE: column, index, projection, constraint, partition and table commands. */
final class AlterBuilder extends BuilderPart {
    AlterBuilder(AstBuilder root) {
        super(root);
    }

    AlterCommand alterCommand(AlterCommandContext command) {
        return switch (command) {
            case AlterDeleteContext delete -> new AlterCommand.DeleteRows(expr(delete.expr()));
            case AlterUpdateContext update ->
                new AlterCommand.UpdateRows(
                        update.assignment().stream()
                                .map(a -> identifier(a.identifier()))
                                .toList(),
                        update.assignment().stream().map(a -> expr(a.expr())).toList(),
                        expr(update.expr()));
            case AlterAddColumnContext add ->
                new AlterCommand.AddColumn(
                        root.definitions.columnDeclaration(add.columnDeclaration()),
                        add.EXISTS() != null,
                        add.columnName() == null ? null : columnName(add.columnName()),
                        add.FIRST() != null);
            case AlterDropColumnContext drop ->
                new AlterCommand.DropColumn(columnName(drop.columnName()), drop.EXISTS() != null);
            case AlterModifyColumnContext modify ->
                new AlterCommand.ModifyColumn(
                        columnName(modify.columnName()),
                        textOf(modify.columnType()),
                        modify.expr() == null ? null : expr(modify.expr()),
                        modify.EXISTS() != null);
            // ALTER COLUMN x TYPE T is MODIFY COLUMN x T, as ClickHouse reads it.
            case AlterColumnTypeContext alter ->
                new AlterCommand.ModifyColumn(
                        columnName(alter.columnName()), textOf(alter.columnType()), null, alter.EXISTS() != null);
            case AlterRenameColumnContext rename ->
                new AlterCommand.RenameColumn(
                        columnName(rename.columnName(0)), columnName(rename.columnName(1)), rename.EXISTS() != null);
            case AlterModifyColumnDeclarationContext modify ->
                new AlterCommand.ModifyColumnDeclaration(
                        root.definitions.columnDeclaration(modify.columnDeclaration()),
                        modify.EXISTS() != null,
                        modify.columnName() == null ? null : columnName(modify.columnName()),
                        modify.FIRST() != null);
            case AlterModifyColumnPropertyContext modify ->
                new AlterCommand.ModifyColumnProperty(
                        columnName(modify.columnName()),
                        modify.REMOVE() == null
                                ? null
                                : identifier(modify.identifier(0)).toUpperCase(Locale.ROOT),
                        settingAssignments(modify.settingAssignment()),
                        modify.RESET() == null
                                ? List.of()
                                : modify.identifier().stream()
                                        .map(this::identifier)
                                        .toList());
            case AlterColumnDataContext data ->
                new AlterCommand.ColumnDataCommand(
                        data.CLEAR() != null ? Action.CLEAR : Action.MATERIALIZE,
                        columnName(data.columnName()),
                        partition(data.partitionSpec()));
            case AlterCommentColumnContext comment ->
                new AlterCommand.CommentColumn(
                        columnName(comment.columnName()), unquoteString(comment.STRING_LITERAL()));
            case AlterAddIndexContext add -> {
                var index = root.definitions.indexDeclaration(add.indexDeclarationBody());
                yield new AlterCommand.IndexCommand(Action.ADD, index.name(), index, null);
            }
            case AlterIndexContext index ->
                new AlterCommand.IndexCommand(
                        action(index.DROP() != null, index.CLEAR() != null),
                        identifier(index.identifier()),
                        null,
                        partition(index.partitionSpec()));
            case AlterAddProjectionContext add -> {
                var projection = root.definitions.projectionDeclaration(add.projectionDeclarationBody());
                yield new AlterCommand.ProjectionCommand(Action.ADD, projection.name(), projection, null);
            }
            case AlterProjectionContext projection ->
                new AlterCommand.ProjectionCommand(
                        action(projection.DROP() != null, projection.CLEAR() != null),
                        identifier(projection.identifier()),
                        null,
                        partition(projection.partitionSpec()));
            case AlterAddConstraintContext add ->
                new AlterCommand.ConstraintCommand(
                        Action.ADD, identifier(add.identifier()), expr(add.expr()), add.ASSUME() != null);
            case AlterDropConstraintContext drop ->
                new AlterCommand.ConstraintCommand(Action.DROP, identifier(drop.identifier()), null, false);
            case AlterAddStatisticsContext add ->
                new AlterCommand.StatisticsCommand(
                        add.ADD() != null ? Action.ADD : Action.MODIFY,
                        exprList(add.exprList(0)),
                        exprList(add.exprList(1)));
            case AlterStatisticsContext statistics ->
                new AlterCommand.StatisticsCommand(
                        action(statistics.DROP() != null, statistics.CLEAR() != null),
                        exprList(statistics.exprList()),
                        List.of());
            case AlterPartitionContext partition -> partitionCommand(partition);
            case AlterReplacePartitionContext replace ->
                new AlterCommand.PartitionCommand(
                        PartitionAction.REPLACE,
                        partition(replace.partitionSpec()),
                        textOf(replace.tableIdentifier()),
                        null);
            case AlterMovePartitionContext move ->
                new AlterCommand.PartitionCommand(
                        PartitionAction.MOVE,
                        partition(move.partitionSpec()),
                        null,
                        move.tableIdentifier() != null
                                ? textOf(move.tableIdentifier())
                                : textOf(move).substring(textOf(move).lastIndexOf(' ') + 1));
            case AlterFreezeAllContext freeze ->
                new AlterCommand.TableCommand(
                        freeze.FREEZE() != null ? TableAction.FREEZE_ALL : TableAction.UNFREEZE_ALL, null, null);
            case AlterModifySettingContext modify ->
                new AlterCommand.ModifySettings(settingAssignments(modify.settingAssignment()));
            // MODIFY SETTING name: the setting is turned on.
            case AlterModifySettingFlagContext modify ->
                new AlterCommand.ModifySettings(
                        java.util.Map.of(identifier(modify.identifier()), LiteralBuilder.integerLiteral("1")));
            case AlterResetSettingContext reset ->
                new AlterCommand.ResetSettings(
                        reset.identifier().stream().map(this::identifier).toList());
            case AlterModifyTtlContext ttl -> {
                List<TtlRule> rules = new ArrayList<>();
                for (TtlRuleContext rule : ttl.ttlRule()) {
                    rules.add(root.definitions.ttlRule(rule));
                }
                yield new AlterCommand.ModifyTtl(rules);
            }
            case AlterModifyQueryContext query -> new AlterCommand.ModifyQuery(selectUnion(query.selectUnion()));
            case AlterModifyOrderByContext order ->
                new AlterCommand.TableCommand(TableAction.MODIFY_ORDER_BY, expr(order.expr()), null);
            case AlterModifySampleByContext sample ->
                new AlterCommand.TableCommand(TableAction.MODIFY_SAMPLE_BY, expr(sample.expr()), null);
            case AlterModifyCommentContext comment ->
                new AlterCommand.TableCommand(
                        TableAction.MODIFY_COMMENT, Literal.ofString(unquoteString(comment.STRING_LITERAL())), null);
            case AlterRemoveContext remove ->
                new AlterCommand.TableCommand(
                        remove.TTL() != null ? TableAction.REMOVE_TTL : TableAction.REMOVE_SAMPLE_BY, null, null);
            case AlterMaterializeTtlContext ttl ->
                new AlterCommand.TableCommand(TableAction.MATERIALIZE_TTL, null, partition(ttl.partitionSpec()));
            case AlterApplyContext apply ->
                new AlterCommand.TableCommand(
                        apply.MASK() != null ? TableAction.APPLY_DELETED_MASK : TableAction.APPLY_PATCHES,
                        null,
                        partition(apply.partitionSpec()));
            case AlterRewritePartsContext rewrite ->
                new AlterCommand.TableCommand(TableAction.REWRITE_PARTS, null, partition(rewrite.partitionSpec()));
            default -> throw new IllegalStateException("unknown ALTER command " + command.getClass());
        };
    }

    private static Action action(boolean drop, boolean clear) {
        if (drop) {
            return Action.DROP;
        }
        return clear ? Action.CLEAR : Action.MATERIALIZE;
    }

    private AlterCommand partitionCommand(AlterPartitionContext command) {
        String verb = command.getStart().getText().toUpperCase(Locale.ROOT);
        boolean from = command.FROM() != null;
        PartitionAction action = switch (verb) {
            case "DROP" -> command.DETACHED() != null ? PartitionAction.DROP_DETACHED : PartitionAction.DROP;
            case "DETACH" -> PartitionAction.DETACH;
            case "ATTACH" -> from ? PartitionAction.ATTACH_FROM : PartitionAction.ATTACH;
            case "FREEZE" -> PartitionAction.FREEZE;
            case "UNFREEZE" -> PartitionAction.UNFREEZE;
            default -> PartitionAction.FETCH;
        };
        String source = null;
        if (command.tableIdentifier() != null) {
            source = textOf(command.tableIdentifier());
        } else if (from) {
            source = unquoteString(command.STRING_LITERAL(0));
        }
        return new AlterCommand.PartitionCommand(action, partition(command.partitionSpec()), source, null);
    }

    /** PARTITION expr | PARTITION ID 'id' | PARTITION ALL | PART 'name'; null when the command names none. */
    Partition partition(PartitionSpecContext spec) {
        if (spec == null) {
            return null;
        }
        if (spec.PART() != null) {
            String name = spec.STRING_LITERAL() != null
                    ? unquoteString(spec.STRING_LITERAL())
                    : spec.QUERY_PARAMETER().getText();
            return new Partition(null, null, name);
        }
        if (spec.ALL() != null) {
            return new Partition(null, null, null);
        }
        if (spec.STRING_LITERAL() != null || spec.QUERY_PARAMETER() != null) {
            Token word = spec.identifier() != null
                    ? spec.identifier().getStart()
                    : spec.IDENTIFIER().getSymbol();
            if (!word.getText().equalsIgnoreCase("ID")) {
                throw syntaxError(word, "expected PARTITION ID 'id' or PARTITION expression");
            }
            String id = spec.STRING_LITERAL() != null
                    ? unquoteString(spec.STRING_LITERAL())
                    : spec.QUERY_PARAMETER().getText();
            return new Partition(null, id, null);
        }
        return new Partition(expr(spec.expr()), null, null);
    }
}
