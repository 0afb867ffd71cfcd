package io.columba.sql.parser;

import io.columba.sql.ast.AdministrationStatement;
import io.columba.sql.ast.AlterStatement;
import io.columba.sql.ast.CreateDatabaseStatement;
import io.columba.sql.ast.CreateFunctionStatement;
import io.columba.sql.ast.CreateIndexStatement;
import io.columba.sql.ast.DeleteStatement;
import io.columba.sql.ast.DescribeSourceStatement;
import io.columba.sql.ast.DescribeStatement;
import io.columba.sql.ast.DropStatement;
import io.columba.sql.ast.DropTableStatement;
import io.columba.sql.ast.DropTablesStatement;
import io.columba.sql.ast.ExchangeStatement;
import io.columba.sql.ast.ExistsStatement;
import io.columba.sql.ast.ExplainStatement;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.KillStatement;
import io.columba.sql.ast.OptimizeStatement;
import io.columba.sql.ast.OutputFile;
import io.columba.sql.ast.RenameStatement;
import io.columba.sql.ast.SelectStatement;
import io.columba.sql.ast.ShowObjectsStatement;
import io.columba.sql.ast.ShowTablesStatement;
import io.columba.sql.ast.Statement;
import io.columba.sql.ast.SubqueryTable;
import io.columba.sql.ast.SystemStatement;
import io.columba.sql.ast.TableCommandStatement;
import io.columba.sql.ast.TableExpression;
import io.columba.sql.ast.TableFunctionReference;
import io.columba.sql.ast.TableReference;
import io.columba.sql.ast.TruncateStatement;
import io.columba.sql.ast.UpdateStatement;
import io.columba.sql.ast.UseStatement;
import io.columba.sql.parser.ClickHouseParser.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the statements other than SELECT and CREATE: DROP, SYSTEM, ALTER, SHOW, SET and the like. */
final class StatementBuilder extends BuilderPart {
    StatementBuilder(AstBuilder root) {
        super(root);
    }

    /** {@code INTO OUTFILE 'f' [APPEND | TRUNCATE] [AND STDOUT] [COMPRESSION 'm' [LEVEL n]]}; null when absent. */
    private static OutputFile outputFile(IntoOutfileClauseContext clause) {
        if (clause == null) {
            return null;
        }
        if (clause.stdout != null && !clause.stdout.getText().equalsIgnoreCase("STDOUT")) {
            throw syntaxError(clause.stdout, "expected STDOUT after INTO OUTFILE 'file' AND");
        }
        if (clause.level != null && !clause.level.getText().equalsIgnoreCase("LEVEL")) {
            throw syntaxError(clause.level, "expected LEVEL after COMPRESSION 'method'");
        }
        Long level = null;
        if (clause.level != null) {
            try {
                level = Long.parseLong(clause.DECIMAL_LITERAL().getText().replace("_", ""));
            } catch (NumberFormatException tooLarge) {
                throw syntaxError(clause.DECIMAL_LITERAL().getSymbol(), "expected a compression level such as 3");
            }
        }
        return new OutputFile(
                unquoteString(clause.STRING_LITERAL(0)),
                clause.APPEND() != null,
                clause.TRUNCATE() != null,
                clause.stdout != null,
                clause.COMPRESSION() == null ? null : unquoteString(clause.STRING_LITERAL(1)),
                level);
    }

    Statement statement(StatementContext statement) {
        return switch (statement) {
            case SelectStatementContext select ->
                new SelectStatement(
                        selectUnion(select.selectUnion()),
                        format(select.formatClause()),
                        settings(select.settingsClause()),
                        outputFile(select.intoOutfileClause()));
            case CreateTableStatementContext create -> root.definitions.createTable(create.createTable());
            case CreateViewStatementContext create -> root.definitions.createView(create.createView());
            case AttachTableStatementContext attach -> root.definitions.attachTable(attach.attachTable());
            case CreateDictionaryStatementContext create ->
                root.dictionaries.createDictionary(create.createDictionary());
            case CreateDatabaseStatementContext create ->
                new CreateDatabaseStatement(
                        create.createDatabase().NOT() != null,
                        identifier(create.createDatabase().identifier()),
                        root.definitions.engine(create.createDatabase().engineClause()));
            case DropTableStatementContext drop -> drop(drop);
            case ExplainStatementContext explain -> {
                Map<String, Expression> settings = new LinkedHashMap<>();
                for (SettingItemContext item : explain.settingItem()) {
                    settings.put(settingName(item), settingValue(item));
                }
                String kind = explain.explainKind() == null ? "PLAN" : words(explain.explainKind().children);
                yield new ExplainStatement(kind, settings, statement(explain.statement()));
            }
            case SystemStatementContext system -> system(system);
            case DetachStatementContext detach ->
                new TableCommandStatement(
                        detach.DETACH() != null
                                ? TableCommandStatement.Command.DETACH
                                : TableCommandStatement.Command.ATTACH,
                        database(detach.tableIdentifier()),
                        table(detach.tableIdentifier()));
            case ShowCreateStatementContext show ->
                new TableCommandStatement(
                        show.DICTIONARY() != null
                                ? TableCommandStatement.Command.SHOW_CREATE_DICTIONARY
                                : TableCommandStatement.Command.SHOW_CREATE,
                        database(show.tableIdentifier()),
                        table(show.tableIdentifier()));
            case CheckStatementContext check ->
                new TableCommandStatement(
                        TableCommandStatement.Command.CHECK,
                        database(check.tableIdentifier()),
                        table(check.tableIdentifier()));
            case UseStatementContext use -> new UseStatement(identifier(use.identifier()));
            case InsertStatementContext insert -> root.definitions.insert(insert.insert());
            case DescribeStatementContext describe ->
                new DescribeStatement(
                        database(describe.tableIdentifier()),
                        table(describe.tableIdentifier()),
                        format(describe.formatClause()));
            case DescribeSourceStatementContext describe -> {
                TableExpression source = describe.tableFunction() != null
                        ? new TableFunctionReference(root.selects.tableFunction(describe.tableFunction()), null)
                        : new SubqueryTable(selectUnion(describe.selectUnion()), null);
                Map<String, Expression> settings = new LinkedHashMap<>();
                describe.settingsClause().forEach(clause -> settings.putAll(settings(clause)));
                yield new DescribeSourceStatement(source, format(describe.formatClause()), settings);
            }
            case ShowTablesStatementContext show -> new ShowTablesStatement(format(show.formatClause()));
            case ExistsStatementContext exists ->
                new ExistsStatement(
                        database(exists.tableIdentifier()),
                        table(exists.tableIdentifier()),
                        format(exists.formatClause()));
            case OptimizeStatementContext optimize ->
                new OptimizeStatement(
                        database(optimize.tableIdentifier()),
                        table(optimize.tableIdentifier()),
                        optimize.FINAL() != null || optimize.FORCE() != null,
                        root.alters.partition(optimize.partitionSpec()),
                        optimize.DEDUPLICATE() != null,
                        exprList(optimize.exprList()),
                        settings(optimize.settingsClause()),
                        optimize.CLEANUP() != null);
            case UpdateStatementContext update ->
                new UpdateStatement(
                        database(update.tableIdentifier()),
                        table(update.tableIdentifier()),
                        update.assignment().stream()
                                .map(a -> identifier(a.identifier()))
                                .toList(),
                        update.assignment().stream().map(a -> expr(a.expr())).toList(),
                        root.alters.partition(update.partitionSpec()),
                        expr(update.expr()),
                        settings(update.settingsClause()));
            case TruncateStatementContext truncate ->
                new TruncateStatement(
                        truncate.EXISTS() != null,
                        database(truncate.tableIdentifier()),
                        table(truncate.tableIdentifier()));
            case RenameStatementContext rename ->
                new RenameStatement(
                        rename.renamePair().stream()
                                .map(pair -> table(pair.tableIdentifier(0)))
                                .toList(),
                        rename.renamePair().stream()
                                .map(pair -> table(pair.tableIdentifier(1)))
                                .toList());
            case ExchangeStatementContext exchange ->
                new ExchangeStatement(table(exchange.tableIdentifier(0)), table(exchange.tableIdentifier(1)));
            case AlterStatementContext alter ->
                new AlterStatement(
                        database(alter.tableIdentifier()),
                        table(alter.tableIdentifier()),
                        alter.alterCommandItem().stream()
                                .map(item -> root.alters.alterCommand(item.alterCommand()))
                                .toList(),
                        settings(alter.settingsClause()));
            case SetStatementContext set -> {
                Map<String, Expression> settings = new LinkedHashMap<>();
                for (SettingItemContext item : set.settingItem()) {
                    settings.put(settingName(item), settingValue(item));
                }
                yield new io.columba.sql.ast.SetStatement(settings);
            }
            case DeleteStatementContext delete ->
                new DeleteStatement(
                        database(delete.tableIdentifier()),
                        table(delete.tableIdentifier()),
                        expr(delete.expr()),
                        settings(delete.settingsClause()));
            case ShowObjectsStatementContext show ->
                new ShowObjectsStatement(
                        show.getChild(1).getText().toUpperCase(Locale.ROOT),
                        show.identifier() == null ? null : identifier(show.identifier()),
                        show.STRING_LITERAL() == null ? null : unquoteString(show.STRING_LITERAL()),
                        show.NOT() != null,
                        show.ILIKE() != null,
                        show.limit == null ? null : expr(show.limit),
                        format(show.formatClause()),
                        show.where == null ? null : expr(show.where));
            case KillStatementContext kill ->
                new KillStatement(
                        kill.MUTATION() != null,
                        expr(kill.expr()),
                        kill.SYNC() != null ? "SYNC" : kill.TEST() != null ? "TEST" : "ASYNC",
                        format(kill.formatClause()),
                        settings(kill.settingsClause()));
            case CreateIndexStatementContext create ->
                new CreateIndexStatement(
                        create.NOT() != null,
                        database(create.tableIdentifier()),
                        table(create.tableIdentifier()),
                        root.definitions.indexDeclaration(
                                create.identifier(), indexKey(create), create.columnType(), create.DECIMAL_LITERAL()));
            case CreateFunctionStatementContext create ->
                new CreateFunctionStatement(
                        create.OR() != null,
                        create.NOT() != null,
                        identifier(create.identifier()),
                        expr(create.expr()));
            case AdministrationStatementContext administration -> administration(administration.administration());
            default -> throw new IllegalStateException("unknown statement " + statement.getClass());
        };
    }

    /**
     * The key of CREATE INDEX: an expression, or columns with directions ({@code (a DESC, b)}), which a skipping
     * index has no use for: they make the key {@code tuple(a, b)}.
     */
    private Expression indexKey(CreateIndexStatementContext create) {
        if (create.expr() != null) {
            return expr(create.expr());
        }
        List<Expression> columns = new ArrayList<>();
        for (ExprContext column : create.indexKeyList().expr()) {
            columns.add(expr(column));
        }
        return io.columba.sql.ast.FunctionCall.of("tuple", columns.toArray(Expression[]::new));
    }

    private Statement drop(DropTableStatementContext drop) {
        boolean ifExists = drop.EXISTS() != null;
        List<TableIdentifierContext> names = drop.tableIdentifier();
        if (names.size() > 1) {
            List<TableReference> tables = new ArrayList<>();
            for (TableIdentifierContext name : names) {
                tables.add(new TableReference(database(name), table(name), false, null));
            }
            return new DropTablesStatement(ifExists, tables);
        }
        String database = database(names.get(0));
        String name = table(names.get(0));
        if (drop.DATABASE() != null) {
            return new DropStatement(DropStatement.Kind.DATABASE, ifExists, null, name);
        }
        if (drop.VIEW() != null) {
            return new DropStatement(DropStatement.Kind.VIEW, ifExists, database, name);
        }
        if (drop.DICTIONARY() != null) {
            return new DropStatement(DropStatement.Kind.DICTIONARY, ifExists, database, name);
        }
        return new DropTableStatement(ifExists, database, name);
    }

    /** SYSTEM commands that name a table after their words. */
    private static final java.util.Set<String> SYSTEM_TABLE_COMMANDS = java.util.Set.of(
            "STOP MERGES",
            "START MERGES",
            "STOP TTL MERGES",
            "START TTL MERGES",
            "STOP MOVES",
            "START MOVES",
            "STOP FETCHES",
            "START FETCHES",
            "STOP REPLICATED SENDS",
            "START REPLICATED SENDS",
            "STOP REPLICATION QUEUES",
            "START REPLICATION QUEUES",
            "STOP DISTRIBUTED SENDS",
            "START DISTRIBUTED SENDS",
            "STOP PULLING REPLICATION LOG",
            "START PULLING REPLICATION LOG",
            "STOP CLEANUP",
            "START CLEANUP",
            "SYNC REPLICA",
            "RESTART REPLICA",
            "FLUSH DISTRIBUTED",
            "RELOAD DICTIONARY",
            "WAIT LOADING PARTS",
            "LOAD PRIMARY KEY",
            "UNLOAD PRIMARY KEY");

    /** {@code SYSTEM words [db.]table ...}: the longest known command prefix decides whether a table follows. */
    private SystemStatement system(SystemStatementContext system) {
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i < system.getChildCount(); i++) {
            tokens.add(system.getChild(i).getText());
        }
        for (int length = Math.min(4, tokens.size()); length > 0; length--) {
            String command = String.join(" ", tokens.subList(0, length)).toUpperCase(Locale.ROOT);
            if (SYSTEM_TABLE_COMMANDS.contains(command) && tokens.size() > length) {
                String first = unquoteIdentifier(tokens.get(length));
                boolean qualified =
                        tokens.size() > length + 2 && tokens.get(length + 1).equals(".");
                return new SystemStatement(
                        List.of(command.split(" ")),
                        qualified ? first : null,
                        qualified ? unquoteIdentifier(tokens.get(length + 2)) : first);
            }
        }
        return new SystemStatement(
                tokens.stream().map(token -> token.toUpperCase(Locale.ROOT)).toList(), null, null);
    }

    /** The leading keywords (up to the first name or value) and the text of a statement Columba does not model. */
    private AdministrationStatement administration(AdministrationContext administration) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < administration.getChildCount() && words.size() < 3; i++) {
            if (!(administration.getChild(i) instanceof org.antlr.v4.runtime.tree.TerminalNode word)
                    || !word.getText().matches("[A-Za-z]+")
                    || word.getSymbol().getType() == ClickHouseLexer.IDENTIFIER) {
                break;
            }
            words.add(word.getText().toUpperCase(Locale.ROOT));
        }
        return new AdministrationStatement(words, textOf(administration));
    }
}
