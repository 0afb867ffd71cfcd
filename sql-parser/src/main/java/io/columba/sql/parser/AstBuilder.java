package io.columba.sql.parser;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.AlterCommand;
import io.columba.sql.ast.AlterStatement;
import io.columba.sql.ast.ArrayJoin;
import io.columba.sql.ast.Asterisk;
import io.columba.sql.ast.ColumnDeclaration;
import io.columba.sql.ast.CreateDatabaseStatement;
import io.columba.sql.ast.CreateTableStatement;
import io.columba.sql.ast.CreateViewStatement;
import io.columba.sql.ast.DeleteStatement;
import io.columba.sql.ast.DescribeStatement;
import io.columba.sql.ast.DropStatement;
import io.columba.sql.ast.DropTableStatement;
import io.columba.sql.ast.EngineClause;
import io.columba.sql.ast.ExchangeStatement;
import io.columba.sql.ast.ExistsStatement;
import io.columba.sql.ast.ExplainStatement;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.IndexDeclaration;
import io.columba.sql.ast.InsertStatement;
import io.columba.sql.ast.JoinClause;
import io.columba.sql.ast.Literal;
import io.columba.sql.ast.OptimizeStatement;
import io.columba.sql.ast.OrderByElement;
import io.columba.sql.ast.RenameStatement;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectStatement;
import io.columba.sql.ast.SelectUnion;
import io.columba.sql.ast.ShowTablesStatement;
import io.columba.sql.ast.Statement;
import io.columba.sql.ast.SubqueryExpression;
import io.columba.sql.ast.SubqueryTable;
import io.columba.sql.ast.SystemStatement;
import io.columba.sql.ast.TableCommandStatement;
import io.columba.sql.ast.TableExpression;
import io.columba.sql.ast.TableFunctionReference;
import io.columba.sql.ast.TableJoin;
import io.columba.sql.ast.TableReference;
import io.columba.sql.ast.TruncateStatement;
import io.columba.sql.ast.TtlRule;
import io.columba.sql.ast.UseStatement;
import io.columba.sql.ast.WindowFrame;
import io.columba.sql.ast.WindowSpec;
import io.columba.sql.parser.ClickHouseParser.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Turns the ANTLR parse tree into the immutable AST, rewriting operators into ClickHouse's function calls. */
final class AstBuilder {
    private final String text;
    private final String insertData;

    AstBuilder(String text, String insertData) {
        this.text = text;
        this.insertData = insertData;
    }

    Statement statement(StatementEofContext tree) {
        return statement(tree.statement());
    }

    private Statement statement(StatementContext statement) {
        return switch (statement) {
            case SelectStatementContext select ->
                new SelectStatement(
                        selectUnion(select.selectUnion()),
                        format(select.formatClause()),
                        settings(select.settingsClause()));
            case CreateTableStatementContext create -> createTable(create.createTable());
            case CreateViewStatementContext create -> createView(create.createView());
            case CreateDatabaseStatementContext create ->
                new CreateDatabaseStatement(
                        create.createDatabase().NOT() != null,
                        identifier(create.createDatabase().identifier()),
                        engine(create.createDatabase().engineClause()));
            case DropTableStatementContext drop -> drop(drop);
            case ExplainStatementContext explain -> {
                Map<String, Expression> settings = new LinkedHashMap<>();
                for (SettingItemContext item : explain.settingItem()) {
                    settings.put(identifier(item.identifier()), expr(item.expr()));
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
                        TableCommandStatement.Command.SHOW_CREATE,
                        database(show.tableIdentifier()),
                        table(show.tableIdentifier()));
            case CheckStatementContext check ->
                new TableCommandStatement(
                        TableCommandStatement.Command.CHECK,
                        database(check.tableIdentifier()),
                        table(check.tableIdentifier()));
            case UseStatementContext use -> new UseStatement(identifier(use.identifier()));
            case InsertStatementContext insert -> insert(insert.insert());
            case DescribeStatementContext describe ->
                new DescribeStatement(
                        database(describe.tableIdentifier()),
                        table(describe.tableIdentifier()),
                        format(describe.formatClause()));
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
                        optimize.FINAL() != null);
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
                        alter.alterCommand().stream().map(this::alterCommand).toList(),
                        settings(alter.settingsClause()));
            case SetStatementContext set -> {
                Map<String, Expression> settings = new LinkedHashMap<>();
                for (SettingItemContext item : set.settingItem()) {
                    settings.put(identifier(item.identifier()), expr(item.expr()));
                }
                yield new io.columba.sql.ast.SetStatement(settings);
            }
            case DeleteStatementContext delete ->
                new DeleteStatement(
                        database(delete.tableIdentifier()), table(delete.tableIdentifier()), expr(delete.expr()));
            default -> throw new IllegalStateException("unknown statement " + statement.getClass());
        };
    }

    private Statement drop(DropTableStatementContext drop) {
        boolean ifExists = drop.EXISTS() != null;
        String database = database(drop.tableIdentifier());
        String name = table(drop.tableIdentifier());
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

    private static String words(List<org.antlr.v4.runtime.tree.ParseTree> children) {
        List<String> words = new ArrayList<>();
        for (var child : children) {
            words.add(child.getText().toUpperCase(Locale.ROOT));
        }
        return String.join(" ", words);
    }

    private AlterCommand alterCommand(AlterCommandContext command) {
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
                        columnDeclaration(add.columnDeclaration()),
                        add.EXISTS() != null,
                        add.identifier() == null ? null : identifier(add.identifier()),
                        add.FIRST() != null);
            case AlterDropColumnContext drop ->
                new AlterCommand.DropColumn(identifier(drop.identifier()), drop.EXISTS() != null);
            case AlterModifyColumnContext modify ->
                new AlterCommand.ModifyColumn(
                        identifier(modify.identifier()),
                        textOf(modify.columnType()),
                        modify.expr() == null ? null : expr(modify.expr()),
                        modify.EXISTS() != null);
            case AlterRenameColumnContext rename ->
                new AlterCommand.RenameColumn(
                        identifier(rename.identifier(0)), identifier(rename.identifier(1)), rename.EXISTS() != null);
            default -> throw new IllegalStateException("unknown ALTER command " + command.getClass());
        };
    }

    private String format(FormatClauseContext format) {
        return format == null ? null : identifier(format.identifier());
    }

    // SELECT

    SelectUnion selectUnion(SelectUnionContext context) {
        List<SelectQuery> selects = new ArrayList<>();
        List<Boolean> distinct = new ArrayList<>();
        for (SelectQueryContext query : context.selectQuery()) {
            SelectUnion inner = selectQuery(query);
            selects.addAll(inner.selects());
            distinct.addAll(inner.distinctUnions());
        }
        for (UnionModeContext mode : context.unionMode()) {
            distinct.add(mode.DISTINCT() != null);
        }
        while (distinct.size() < selects.size() - 1) {
            distinct.add(Boolean.TRUE);
        }
        // As in ClickHouse, a WITH before the first SELECT of a union applies to every SELECT without its own.
        SelectQuery first = selects.get(0);
        if (context.selectQuery(0) instanceof PlainSelectContext
                && !first.with().isEmpty()) {
            for (int i = 1; i < selects.size(); i++) {
                if (selects.get(i).with().isEmpty()) {
                    selects.set(i, selects.get(i).withWith(first.with(), first.commonTableExpressions()));
                }
            }
        }
        return new SelectUnion(selects, distinct.subList(0, Math.max(0, selects.size() - 1)));
    }

    private SelectUnion selectQuery(SelectQueryContext context) {
        if (context instanceof NestedSelectContext nested) {
            return selectUnion(nested.selectUnion());
        }
        PlainSelectContext select = (PlainSelectContext) context;
        List<Alias> with = new ArrayList<>();
        List<String> commonTableExpressions = new ArrayList<>();
        if (select.withClause() != null) {
            for (WithItemContext item : select.withClause().withItem()) {
                if (item instanceof WithExpressionContext expression) {
                    with.add(new Alias(expr(expression.expr()), identifier(expression.identifier())));
                } else {
                    WithSubqueryContext subquery = (WithSubqueryContext) item;
                    commonTableExpressions.add(identifier(subquery.identifier()));
                    with.add(new Alias(
                            new SubqueryExpression(selectUnion(subquery.selectUnion())),
                            identifier(subquery.identifier())));
                }
            }
        }
        List<Expression> columns = new ArrayList<>();
        for (SelectItemContext item : select.selectItemList().selectItem()) {
            Expression expression = expr(item.expr());
            columns.add(item.alias() == null ? expression : new Alias(expression, alias(item.alias())));
        }
        List<Expression> groupBy = new ArrayList<>();
        List<List<Expression>> groupingSets = new ArrayList<>();
        String groupByModifier = null;
        GroupByClauseContext groupByClause = select.groupByClause();
        if (groupByClause != null) {
            groupBy.addAll(exprList(groupByClause.exprList()));
            if (groupByClause.groupingSets() != null) {
                for (GroupingSetContext set : groupByClause.groupingSets().groupingSet()) {
                    groupingSets.add(set.expr() != null ? List.of(expr(set.expr())) : exprList(set.exprList()));
                }
            }
            if (groupByClause.ROLLUP() != null || groupByClause.CUBE() != null) {
                groupByModifier = groupByClause.ROLLUP() != null ? "ROLLUP" : "CUBE";
            }
        }
        SelectQuery.LimitBy limitBy = null;
        if (select.distinctOn() != null) {
            if (select.limitByClause() != null) {
                throw syntaxError(
                        select.limitByClause().getStart(), "DISTINCT ON is LIMIT 1 BY: it cannot take a LIMIT BY too");
            }
            limitBy = new SelectQuery.LimitBy(
                    LiteralBuilder.integerLiteral("1"),
                    null,
                    exprList(select.distinctOn().exprList()));
        } else if (select.limitByClause() != null) {
            LimitByClauseContext clause = select.limitByClause();
            boolean twoValues = clause.expr().size() > 1;
            boolean comma = clause.COMMA() != null;
            limitBy = new SelectQuery.LimitBy(
                    expr(clause.expr(twoValues && comma ? 1 : 0)),
                    twoValues ? expr(clause.expr(comma ? 0 : 1)) : null,
                    exprList(clause.exprList()));
        }
        List<OrderByElement> orderBy = new ArrayList<>();
        if (select.orderByClause() != null) {
            for (OrderItemContext item : select.orderByClause().orderItem()) {
                orderBy.add(orderItem(item));
            }
        }
        Expression limit = null;
        Expression offset = null;
        if (select.limitClause() instanceof LimitWithCommaOffsetContext comma) {
            offset = expr(comma.expr(0));
            limit = expr(comma.expr(1));
        } else if (select.limitClause() instanceof LimitWithOffsetContext plain) {
            limit = expr(plain.expr(0));
            offset = plain.expr().size() > 1 ? expr(plain.expr(1)) : null;
        } else if (select.limitClause() instanceof OffsetOnlyContext offsetOnly) {
            offset = expr(offsetOnly.expr());
        }
        SelectQuery query = new SelectQuery(
                with,
                commonTableExpressions,
                select.DISTINCT() != null && select.distinctOn() == null,
                columns,
                select.fromClause() == null
                        ? null
                        : tableExpression(select.fromClause().tableExpression()),
                select.fromClause() == null
                        ? List.of()
                        : select.fromClause().joinElement().stream()
                                .map(this::join)
                                .toList(),
                select.prewhereClause() == null
                        ? null
                        : expr(select.prewhereClause().expr()),
                select.whereClause() == null ? null : expr(select.whereClause().expr()),
                groupBy,
                groupingSets,
                groupByModifier,
                select.TOTALS() != null,
                select.havingClause() == null
                        ? null
                        : expr(select.havingClause().expr()),
                orderBy,
                limitBy,
                limit,
                offset,
                settings(select.settingsClause()));
        return SelectUnion.of(query);
    }

    private Map<String, Expression> settings(SettingsClauseContext context) {
        Map<String, Expression> settings = new LinkedHashMap<>();
        if (context != null) {
            for (SettingItemContext item : context.settingItem()) {
                settings.put(identifier(item.identifier()), expr(item.expr()));
            }
        }
        return settings;
    }

    private JoinClause join(JoinElementContext context) {
        return switch (context) {
            case CommaJoinContext comma ->
                new TableJoin(
                        tableExpression(comma.tableExpression()),
                        TableJoin.Kind.COMMA,
                        TableJoin.Strictness.UNSPECIFIED,
                        false,
                        null,
                        List.of());
            case ArrayJoinContext array -> new ArrayJoin(array.LEFT() != null, exprList(array.exprList()));
            case TableJoinContext join -> {
                JoinKindContext kind = join.joinKind();
                Expression on = null;
                List<Expression> using = List.of();
                if (join.joinConstraint() instanceof JoinOnContext joinOn) {
                    on = expr(joinOn.expr());
                } else if (join.joinConstraint() instanceof JoinUsingContext joinUsing) {
                    using = exprList(joinUsing.exprList());
                }
                yield new TableJoin(
                        tableExpression(join.tableExpression()),
                        joinKind(kind),
                        kind == null || kind.joinStrictness().isEmpty()
                                ? TableJoin.Strictness.UNSPECIFIED
                                : TableJoin.Strictness.valueOf(
                                        kind.joinStrictness(0).getText().toUpperCase(Locale.ROOT)),
                        join.GLOBAL() != null,
                        on,
                        using);
            }
            default -> throw new IllegalStateException("unknown join");
        };
    }

    private static TableJoin.Kind joinKind(JoinKindContext kind) {
        if (kind == null) {
            return TableJoin.Kind.INNER;
        }
        if (kind.LEFT() != null) {
            return TableJoin.Kind.LEFT;
        }
        if (kind.RIGHT() != null) {
            return TableJoin.Kind.RIGHT;
        }
        if (kind.FULL() != null) {
            return TableJoin.Kind.FULL;
        }
        if (kind.CROSS() != null) {
            return TableJoin.Kind.CROSS;
        }
        return kind.PASTE() != null ? TableJoin.Kind.PASTE : TableJoin.Kind.INNER;
    }

    private TableExpression tableExpression(TableExpressionContext context) {
        return switch (context) {
            case TableReferenceContext reference ->
                new TableReference(
                        database(reference.tableIdentifier()),
                        table(reference.tableIdentifier()),
                        reference.FINAL() != null,
                        reference.alias() == null ? null : alias(reference.alias()));
            case TableFunctionReferenceContext function ->
                new TableFunctionReference(
                        tableFunction(function.tableFunction()),
                        function.alias() == null ? null : alias(function.alias()));
            case ExplainReferenceContext explain -> explainTable(explain);
            case SubqueryReferenceContext subquery ->
                new SubqueryTable(
                        selectUnion(subquery.selectUnion()), subquery.alias() == null ? null : alias(subquery.alias()));
            default -> throw new IllegalStateException("unknown table expression");
        };
    }

    private FunctionCall tableFunction(TableFunctionContext context) {
        if (context.viewFunction() != null) {
            return viewFunction(context.viewFunction());
        }
        return new FunctionCall(identifier(context.identifier()), exprList(context.exprList()), null, false);
    }

    /** {@code view(SELECT ...)}: the SELECT is its one argument. */
    private FunctionCall viewFunction(ViewFunctionContext context) {
        return FunctionCall.of(context.VIEW().getText(), new SubqueryExpression(selectUnion(context.selectUnion())));
    }

    /**
     * {@code FROM (EXPLAIN kind settings SELECT ...)} is the subquery ClickHouse rewrites it to:
     * {@code (SELECT * FROM viewExplain('EXPLAIN kind', 'setting = value, ...', (SELECT ...)))}.
     */
    private TableExpression explainTable(ExplainReferenceContext explain) {
        String kind = explain.explainKind() == null ? "" : words(explain.explainKind().children);
        List<String> settings = new ArrayList<>();
        for (SettingItemContext item : explain.settingItem()) {
            settings.add(identifier(item.identifier()) + " = " + textOf(item.expr()));
        }
        FunctionCall function = FunctionCall.of(
                "viewExplain",
                Literal.ofString(kind.isEmpty() || kind.equals("PLAN") ? "EXPLAIN" : "EXPLAIN " + kind),
                Literal.ofString(String.join(", ", settings)),
                new SubqueryExpression(selectUnion(explain.selectUnion())));
        SelectQuery readExplain = new SelectQuery(
                List.of(),
                false,
                List.of(new Asterisk(null)),
                new TableFunctionReference(function, null),
                null,
                null,
                List.of(),
                null,
                List.of(),
                null,
                null,
                Map.of());
        return new SubqueryTable(SelectUnion.of(readExplain), explain.alias() == null ? null : alias(explain.alias()));
    }

    // CREATE / INSERT

    private ColumnDeclaration columnDeclaration(ColumnDeclarationContext column) {
        Expression defaultExpression = null;
        Expression ttl = null;
        for (int i = 0; i < column.getChildCount(); i++) {
            if (column.getChild(i) instanceof ExprContext value) {
                boolean afterTtl = column.getChild(i - 1) instanceof org.antlr.v4.runtime.tree.TerminalNode node
                        && node.getSymbol().getType() == ClickHouseLexer.TTL;
                if (afterTtl) {
                    ttl = expr(value);
                } else {
                    defaultExpression = expr(value);
                }
            }
        }
        ColumnTypeContext type = column.getChild(1) instanceof ColumnTypeContext first ? first : null;
        List<String> codecs = new ArrayList<>();
        for (ColumnTypeContext codec : column.columnType()) {
            if (codec != type) {
                codecs.add(textOf(codec));
            }
        }
        String defaultKind = "DEFAULT";
        if (column.MATERIALIZED() != null) {
            defaultKind = "MATERIALIZED";
        } else if (column.ALIAS() != null) {
            defaultKind = "ALIAS";
        } else if (column.EPHEMERAL() != null) {
            defaultKind = "EPHEMERAL";
        }
        String comment = column.STRING_LITERAL() == null
                ? null
                : LiteralBuilder.unescape(column.STRING_LITERAL()
                        .getText()
                        .substring(1, column.STRING_LITERAL().getText().length() - 1));
        return new ColumnDeclaration(
                identifier(column.identifier()),
                type == null ? null : textOf(type),
                defaultExpression,
                comment,
                codecs,
                ttl,
                defaultKind);
    }

    private IndexDeclaration indexDeclaration(IndexDeclarationContext index) {
        int granularity = 1;
        if (index.DECIMAL_LITERAL() != null) {
            Token token = index.DECIMAL_LITERAL().getSymbol();
            java.math.BigInteger value =
                    new java.math.BigInteger(token.getText().replace("_", ""));
            if (value.signum() <= 0 || value.bitLength() > 31) {
                throw syntaxError(token, "GRANULARITY must be a positive integer below 2^31");
            }
            granularity = value.intValue();
        }
        return new IndexDeclaration(
                identifier(index.identifier()), expr(index.expr()), textOf(index.columnType()), granularity);
    }

    private TtlRule ttlRule(TtlRuleContext rule) {
        String move = rule.TO() == null
                ? null
                : identifier(rule.identifier()) + " " + rule.STRING_LITERAL().getText();
        return new TtlRule(expr(rule.expr(0)), move, rule.WHERE() == null ? null : expr(rule.expr(1)));
    }

    private Statement createTable(CreateTableContext create) {
        List<ColumnDeclaration> columns = new ArrayList<>();
        List<IndexDeclaration> indexes = new ArrayList<>();
        for (TableElementContext element : create.tableElement()) {
            if (element.columnDeclaration() != null) {
                columns.add(columnDeclaration(element.columnDeclaration()));
            } else {
                indexes.add(indexDeclaration(element.indexDeclaration()));
            }
        }
        List<TableIdentifierContext> names = create.tableIdentifier();
        SelectUnionContext select = create.selectUnion();
        return new CreateTableStatement(
                create.NOT() != null,
                database(names.get(0)),
                table(names.get(0)),
                columns,
                indexes,
                engine(create.engineClause()),
                names.size() > 1 ? textOf(names.get(1)).replace("`", "") : null,
                select == null ? null : selectUnion(select));
    }

    private Statement createView(CreateViewContext create) {
        List<ColumnDeclaration> columns = new ArrayList<>();
        for (TableElementContext element : create.tableElement()) {
            if (element.columnDeclaration() != null) {
                columns.add(columnDeclaration(element.columnDeclaration()));
            }
        }
        TableIdentifierContext to = create.tableIdentifier().size() > 1 ? create.tableIdentifier(1) : null;
        return new CreateViewStatement(
                create.MATERIALIZED() != null,
                create.NOT() != null,
                database(create.tableIdentifier(0)),
                table(create.tableIdentifier(0)),
                to == null ? null : database(to),
                to == null ? null : table(to),
                columns,
                engine(create.engineClause()),
                create.POPULATE() != null,
                selectUnion(create.selectUnion()));
    }

    private EngineClause engine(EngineClauseContext clause) {
        EngineClause engine = null;
        if (clause != null) {
            Expression partitionBy = null;
            Expression orderBy = null;
            Expression primaryKey = null;
            Expression sampleBy = null;
            List<TtlRule> ttl = new ArrayList<>();
            Map<String, Expression> settings = new LinkedHashMap<>();
            for (EngineItemContext item : clause.engineItem()) {
                switch (item) {
                    case PartitionByItemContext partition -> partitionBy = expr(partition.expr());
                    case OrderByItemContext order -> orderBy = expr(order.expr());
                    case PrimaryKeyItemContext primary -> primaryKey = expr(primary.expr());
                    case SampleByItemContext sample -> sampleBy = expr(sample.expr());
                    case TtlItemContext rules -> rules.ttlRule().forEach(rule -> ttl.add(ttlRule(rule)));
                    case EngineSettingsItemContext setting -> settings.putAll(settings(setting.settingsClause()));
                    default -> throw new IllegalStateException("unknown engine clause");
                }
            }
            EngineExprContext engineExpr = clause.engineExpr();
            engine = new EngineClause(
                    engineExpr == null ? null : identifier(engineExpr.identifier()),
                    engineExpr == null ? List.of() : exprList(engineExpr.exprList()),
                    partitionBy,
                    orderBy,
                    primaryKey,
                    sampleBy,
                    ttl,
                    settings,
                    engineExpr != null && engineExpr.LPAREN() != null);
        }
        return engine;
    }

    private Statement insert(InsertContext context) {
        return switch (context) {
            case InsertValuesContext values -> {
                List<List<Expression>> rows = new ArrayList<>();
                for (ValuesRowContext row : values.valuesRow()) {
                    rows.add(exprList(row.exprList()));
                }
                yield new InsertStatement(
                        database(values.tableIdentifier()),
                        table(values.tableIdentifier()),
                        insertColumns(values.insertColumns()),
                        rows,
                        null,
                        null,
                        null);
            }
            case InsertFormatContext format ->
                new InsertStatement(
                        database(format.tableIdentifier()),
                        table(format.tableIdentifier()),
                        insertColumns(format.insertColumns()),
                        null,
                        identifier(format.identifier()),
                        insertData == null ? "" : insertData,
                        null);
            case InsertSelectContext select ->
                new InsertStatement(
                        database(select.tableIdentifier()),
                        table(select.tableIdentifier()),
                        insertColumns(select.insertColumns()),
                        null,
                        null,
                        null,
                        selectUnion(select.selectUnion()));
            default -> throw new IllegalStateException("unknown insert");
        };
    }

    private List<String> insertColumns(InsertColumnsContext context) {
        return context == null
                ? List.of()
                : context.compoundIdentifier().stream()
                        .map(name -> String.join(".", nameParts(name)))
                        .toList();
    }

    /** The parts of a dotted name; a JSON subcolumn part keeps its {@code ^} or {@code :} before its quoted name. */
    private List<String> nameParts(CompoundIdentifierContext context) {
        List<String> parts = new ArrayList<>(1 + context.identifierPart().size());
        parts.add(identifier(context.identifier()));
        for (IdentifierPartContext part : context.identifierPart()) {
            String name = identifier(part.identifier());
            if (part.CARET() != null) {
                parts.add("^`" + name + "`");
            } else if (part.COLON() != null) {
                parts.add(":`" + name + "`");
            } else {
                parts.add(name);
            }
        }
        return parts;
    }

    // Expressions

    private List<Expression> exprList(ExprListContext context) {
        return context == null ? List.of() : exprs(context.expr());
    }

    private List<Expression> exprs(List<ExprContext> contexts) {
        List<Expression> result = new ArrayList<>(contexts.size());
        for (ExprContext context : contexts) {
            result.add(expr(context));
        }
        return result;
    }

    Expression expr(ExprContext context) {
        return switch (context) {
            case LiteralExprContext literal -> LiteralBuilder.literal(literal.literal());
            case QueryParameterExprContext parameter ->
                LiteralBuilder.queryParameter(parameter.QUERY_PARAMETER().getText());
            case AsteriskExprContext ignored -> new Asterisk(null);
            case QualifiedAsteriskExprContext qualified ->
                new Asterisk(String.join(".", nameParts(qualified.compoundIdentifier())));
            case CaseExprContext caseExpr -> caseExpression(caseExpr);
            case CastExprContext cast ->
                FunctionCall.of(
                        "CAST", expr(cast.expr()), Literal.ofString(TypeText.format(textOf(cast.columnType()))));
            case CastFunctionExprContext cast -> FunctionCall.of("CAST", expr(cast.expr(0)), expr(cast.expr(1)));
            case IntervalExprContext interval -> interval(interval);
            case IntervalStringExprContext interval -> interval(interval);
            case ExtractExprContext extract -> extract(extract);
            case FunctionExprContext function -> function(function);
            case ViewExprContext view -> viewFunction(view.viewFunction());
            case SubqueryExprContext subquery -> new SubqueryExpression(selectUnion(subquery.selectUnion()));
            case ParenExprContext paren -> expr(paren.expr());
            case TupleExprContext tuple -> {
                List<Expression> elements = exprs(tuple.expr());
                yield new FunctionCall(
                        "tuple", elements, null, false, elements.size() > 1 && allConstant(elements, "tuple"));
            }
            case ArrayExprContext array -> {
                List<Expression> elements = exprList(array.exprList());
                yield new FunctionCall(
                        "array", elements, null, false, !elements.isEmpty() && allConstant(elements, "array"));
            }
            case MapExprContext map -> new FunctionCall("map", exprs(map.expr()), null, false);
            case LambdaExprContext lambda ->
                new io.columba.sql.ast.Lambda(List.of(identifier(lambda.identifier())), expr(lambda.expr()));
            case LambdaTupleExprContext lambda ->
                new io.columba.sql.ast.Lambda(
                        lambda.identifier().stream().map(this::identifier).toList(), expr(lambda.expr()));
            case TupleElementShortExprContext element -> tupleElementShort(element);
            case ColumnExprContext column -> new Identifier(nameParts(column.compoundIdentifier()));
            case ArrayElementExprContext element ->
                FunctionCall.of("arrayElement", expr(element.expr(0)), expr(element.expr(1)));
            case TupleElementExprContext element ->
                FunctionCall.of(
                        "tupleElement",
                        expr(element.expr()),
                        LiteralBuilder.integerLiteral(element.DECIMAL_LITERAL().getText()));
            case CastOperatorExprContext cast ->
                FunctionCall.of(
                        "CAST", castOperand(cast.expr()), Literal.ofString(TypeText.format(textOf(cast.columnType()))));
            case NegateExprContext negate -> negate(negate);
            case MultiplicativeExprContext binary -> binary(binary.expr(0), binary.expr(1), binary.getChild(1));
            case AdditiveExprContext binary -> binary(binary.expr(0), binary.expr(1), binary.getChild(1));
            case ConcatExprContext concat -> flatten("concat", concat.expr(0), concat.expr(1), ConcatExprContext.class);
            case ComparisonExprContext binary -> binary(binary.expr(0), binary.expr(1), binary.getChild(1));
            case LikeExprContext like ->
                FunctionCall.of(
                        (like.NOT() == null ? "" : "not")
                                + (like.LIKE() != null
                                        ? (like.NOT() == null ? "like" : "Like")
                                        : (like.NOT() == null ? "ilike" : "ILike")),
                        expr(like.expr(0)),
                        expr(like.expr(1)));
            case InExprContext in ->
                FunctionCall.of(
                        (in.GLOBAL() != null ? "global" : "")
                                + (in.NOT() != null
                                        ? (in.GLOBAL() != null ? "NotIn" : "notIn")
                                        : (in.GLOBAL() != null ? "In" : "in")),
                        expr(in.expr(0)),
                        expr(in.expr(1)));
            case IsNullExprContext isNull ->
                FunctionCall.of(isNull.NOT() == null ? "isNull" : "isNotNull", expr(isNull.expr()));
            case BetweenExprContext between -> between(between);
            case NotExprContext not -> FunctionCall.of("not", expr(not.expr()));
            case AndExprContext and -> flatten("and", and.expr(0), and.expr(1), AndExprContext.class);
            case OrExprContext or -> flatten("or", or.expr(0), or.expr(1), OrExprContext.class);
            case TernaryExprContext ternary ->
                FunctionCall.of("if", expr(ternary.expr(0)), expr(ternary.expr(1)), expr(ternary.expr(2)));
            case AliasExprContext alias -> new Alias(expr(alias.expr()), identifier(alias.identifier()));
            default ->
                throw new IllegalStateException(
                        "unknown expression " + context.getClass().getSimpleName());
        };
    }

    /** {@code 42::Int8} casts the text as written: ClickHouse turns a number or a constant array into a string. */
    private Expression castOperand(ExprContext context) {
        return writtenConstant(context) ? Literal.ofString(textOf(context)) : expr(context);
    }

    /** A number, or brackets and parentheses of constants ({@code [(0, 0), (1, 2)]}, {@code []}): read as text. */
    private static boolean writtenConstant(ExprContext context) {
        return switch (context) {
            case LiteralExprContext literal ->
                literal.literal().STRING_LITERAL() == null
                        && literal.literal().NULL_SQL() == null
                        && literal.literal().TRUE() == null
                        && literal.literal().FALSE() == null
                        && literal.literal().HEREDOC() == null;
            case ArrayExprContext array ->
                array.exprList() == null || array.exprList().expr().stream().allMatch(AstBuilder::constantElement);
            case TupleExprContext tuple -> tuple.expr().stream().allMatch(AstBuilder::constantElement);
            default -> false;
        };
    }

    private static boolean constantElement(ExprContext context) {
        return context instanceof LiteralExprContext
                || context instanceof NegateExprContext negate && negate.expr() instanceof LiteralExprContext
                || writtenConstant(context);
    }

    /** {@code -1} is a literal and {@code -1::Int32} casts the number -1, as ClickHouse reads them. */
    private Expression negate(NegateExprContext negate) {
        if (negate.expr() instanceof CastOperatorExprContext cast
                && cast.expr() instanceof LiteralExprContext number
                && writtenConstant(number)) {
            return FunctionCall.of(
                    "CAST",
                    Literal.ofString("-" + textOf(number)),
                    Literal.ofString(TypeText.format(textOf(cast.columnType()))));
        }
        if (!(negate.expr() instanceof LiteralExprContext)) {
            // Only a number written right after the minus folds into a literal: -(-1) and - -1 negate -1.
            return FunctionCall.of("negate", expr(negate.expr()));
        }
        return LiteralBuilder.negate(expr(negate.expr()));
    }

    /** ClickHouse's parser reads brackets of constants and parentheses of constants (each nested in its own kind) as one literal. */
    private static boolean allConstant(List<Expression> elements, String collection) {
        for (Expression element : elements) {
            boolean constant = element instanceof Literal
                    || element instanceof FunctionCall call
                            && call.literal()
                            && call.name().equals(collection);
            if (!constant) {
                return false;
            }
        }
        return true;
    }

    private Expression binary(ExprContext left, ExprContext right, org.antlr.v4.runtime.tree.ParseTree operator) {
        String name = switch (operator.getText()) {
            case "*" -> "multiply";
            case "/" -> "divide";
            case "%" -> "modulo";
            case "+" -> "plus";
            case "-" -> "minus";
            case "=", "==" -> "equals";
            case "!=", "<>" -> "notEquals";
            case "<" -> "less";
            case ">" -> "greater";
            case "<=" -> "lessOrEquals";
            case ">=" -> "greaterOrEquals";
            case "<=>" -> "isNotDistinctFrom";
            default -> throw new IllegalStateException("unknown operator " + operator.getText());
        };
        return FunctionCall.of(name, expr(left), expr(right));
    }

    /** {@code a AND b AND c} is one call; parentheses or a BETWEEN start a call of their own, as in ClickHouse. */
    private Expression flatten(String name, ExprContext left, ExprContext right, Class<? extends ExprContext> chain) {
        List<Expression> arguments = new ArrayList<>();
        for (ExprContext sideContext : List.of(left, right)) {
            Expression side = expr(sideContext);
            if (chain.isInstance(sideContext)
                    && side instanceof FunctionCall call
                    && call.name().equals(name)) {
                arguments.addAll(call.arguments());
            } else {
                arguments.add(side);
            }
        }
        return new FunctionCall(name, arguments, null, false);
    }

    private Expression between(BetweenExprContext between) {
        Expression value = expr(between.expr(0));
        Expression low = expr(between.expr(1));
        Expression high = expr(between.expr(2));
        if (between.NOT() != null) {
            return FunctionCall.of("or", FunctionCall.of("less", value, low), FunctionCall.of("greater", value, high));
        }
        return FunctionCall.of(
                "and", FunctionCall.of("greaterOrEquals", value, low), FunctionCall.of("lessOrEquals", value, high));
    }

    /** ClickHouse folds a minus sign into a number literal: {@code -1} is the literal Int64 -1. */
    /** {@code t.1} lexes as {@code t} and the float {@code .1}: only a dot and digits make a tuple index. */
    private Expression tupleElementShort(TupleElementShortExprContext element) {
        String text = element.FLOATING_LITERAL().getText();
        if (!text.matches("\\.[0-9]+")) {
            Token token = element.FLOATING_LITERAL().getSymbol();
            throw syntaxError(token, "expected an operator or a tuple index such as .1");
        }
        return FunctionCall.of("tupleElement", expr(element.expr()), LiteralBuilder.integerLiteral(text.substring(1)));
    }

    private Expression caseExpression(CaseExprContext context) {
        List<Expression> parts = exprs(context.expr());
        boolean hasSubject = context.caseSubject != null;
        boolean hasElse = context.ELSE() != null;
        List<Expression> arguments = new ArrayList<>(parts);
        if (!hasElse) {
            arguments.add(Literal.ofNull());
        }
        if (hasSubject) {
            return new FunctionCall("caseWithExpression", arguments, null, false);
        }
        return new FunctionCall("multiIf", arguments, null, false);
    }

    /** A syntax error at {@code token}, with position, line and column, saying what was expected. */
    private static SqlSyntaxException syntaxError(Token token, String what) {
        int line = token.getLine();
        int column = token.getCharPositionInLine() + 1;
        return new SqlSyntaxException(
                "Syntax error: failed at position " + (token.getStartIndex() + 1) + " ('" + token.getText()
                        + "') (line " + line + ", col " + column + "): " + what,
                token.getStartIndex() + 1,
                line,
                column);
    }

    private static final java.util.Set<String> INTERVAL_UNITS = java.util.Set.of(
            "nanosecond",
            "microsecond",
            "millisecond",
            "second",
            "minute",
            "hour",
            "day",
            "week",
            "month",
            "quarter",
            "year");

    private Expression interval(IntervalExprContext context) {
        String unit = identifier(context.identifier()).toLowerCase(Locale.ROOT);
        if (unit.endsWith("s")) {
            unit = unit.substring(0, unit.length() - 1);
        }
        if (!INTERVAL_UNITS.contains(unit)) {
            Token token = context.identifier().getStart();
            throw syntaxError(
                    token, "expected an interval unit (SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR)");
        }
        return FunctionCall.of(intervalFunction(unit), expr(context.expr()));
    }

    /** {@code INTERVAL '2 day'}: the string holds the count and the unit. */
    private Expression interval(IntervalStringExprContext context) {
        Token token = context.STRING_LITERAL().getSymbol();
        String written = token.getText();
        String[] words = written.substring(1, written.length() - 1).strip().split("\\s+");
        String unit = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "";
        if (unit.endsWith("s")) {
            unit = unit.substring(0, unit.length() - 1);
        }
        if (!INTERVAL_UNITS.contains(unit) || !words[0].matches("[0-9]+")) {
            throw syntaxError(token, "expected an interval such as '2 day' (a count and a unit)");
        }
        return FunctionCall.of(intervalFunction(unit), LiteralBuilder.integerLiteral(words[0]));
    }

    private static String intervalFunction(String unit) {
        return "toInterval" + Character.toUpperCase(unit.charAt(0)) + unit.substring(1);
    }

    /** {@code EXTRACT(unit FROM x)} is the calendar function of that unit, as ClickHouse rewrites it. */
    private Expression extract(ExtractExprContext context) {
        if (!identifier(context.identifier(0)).equalsIgnoreCase("extract")) {
            throw syntaxError(context.FROM().getSymbol(), "expected ',' or ')': only EXTRACT takes FROM");
        }
        String unit = identifier(context.identifier(1)).toLowerCase(Locale.ROOT);
        String function = switch (unit) {
            case "second" -> "toSecond";
            case "minute" -> "toMinute";
            case "hour" -> "toHour";
            case "day" -> "toDayOfMonth";
            case "week" -> "toISOWeek";
            case "month" -> "toMonth";
            case "quarter" -> "toQuarter";
            case "year" -> "toYear";
            default ->
                throw syntaxError(
                        context.identifier(1).getStart(),
                        "expected SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER or YEAR after EXTRACT(");
        };
        return FunctionCall.of(function, expr(context.expr()));
    }

    private Expression function(FunctionExprContext context) {
        String name = identifier(context.identifier());
        List<ExprListContext> lists = context.exprList();
        WindowSpec window = context.windowSpec() == null ? null : windowSpec(context.windowSpec());
        boolean parametric = context.LPAREN().size() - (window == null ? 0 : 1) > 1;
        List<Expression> first = new ArrayList<>();
        List<Expression> second = new ArrayList<>();
        int listIndex = 0;
        // Each parenthesized group holds an optional list; walk the children to know which list is where.
        boolean inSecond = false;
        int parens = 0;
        boolean distinct = false;
        for (var child : context.children) {
            if (child instanceof org.antlr.v4.runtime.tree.TerminalNode terminal) {
                int type = terminal.getSymbol().getType();
                if (type == ClickHouseLexer.LPAREN) {
                    parens++;
                    inSecond = parens == 2;
                } else if (type == ClickHouseLexer.DISTINCT) {
                    distinct = true;
                }
            } else if (child instanceof ExprListContext list) {
                (inSecond ? second : first).addAll(exprList(list));
                listIndex++;
            }
        }
        if (listIndex > lists.size()) {
            throw new IllegalStateException("argument lists out of step");
        }
        List<Expression> arguments = parametric ? second : first;
        List<Expression> parameters = parametric ? first : null;
        if (context.RESPECT() != null) {
            // Aggregates skip NULLs unless asked: RESPECT NULLS is the _respect_nulls variant, as ClickHouse names it.
            name = name + "_respect_nulls";
        }
        if (!parametric && window == null && !distinct) {
            Expression operator = operatorFunction(name, arguments);
            if (operator != null) {
                return operator;
            }
        }
        if (arguments.size() == 1
                && arguments.get(0) instanceof Asterisk asterisk
                && asterisk.qualifier() == null
                && name.equalsIgnoreCase("count")) {
            return new FunctionCall(name, List.of(), parameters, distinct, false, true, window);
        }
        return new FunctionCall(name, arguments, parameters, distinct, false, false, window);
    }

    /**
     * Calls ClickHouse's parser reads as operators or rewrites: {@code NOT (x)} is {@code not(x)}, {@code trim(s)}
     * is {@code trimBoth(s)}; null for any other call.
     */
    private static Expression operatorFunction(String name, List<Expression> arguments) {
        if (name.equalsIgnoreCase("not") && arguments.size() == 1) {
            return FunctionCall.of("not", arguments.get(0));
        }
        if (name.equalsIgnoreCase("trim") && arguments.size() == 1) {
            return FunctionCall.of("trimBoth", arguments.get(0));
        }
        return null;
    }

    private WindowSpec windowSpec(WindowSpecContext context) {
        List<Expression> partitionBy = context.exprList() == null ? List.of() : exprList(context.exprList());
        List<OrderByElement> orderBy = new ArrayList<>();
        for (OrderItemContext item : context.orderItem()) {
            orderBy.add(orderItem(item));
        }
        WindowFrame frame = null;
        if (context.windowFrame() != null) {
            WindowFrameContext written = context.windowFrame();
            List<FrameBoundContext> bounds = written.frameBound();
            WindowFrame.Bound start = frameBound(bounds.get(0));
            WindowFrame.Bound end = bounds.size() > 1 ? frameBound(bounds.get(1)) : WindowFrame.Bound.CURRENT_ROW;
            frame = new WindowFrame(written.ROWS() != null, start, end);
        }
        return new WindowSpec(partitionBy, orderBy, frame);
    }

    private WindowFrame.Bound frameBound(FrameBoundContext context) {
        if (context.CURRENT() != null) {
            return WindowFrame.Bound.CURRENT_ROW;
        }
        if (context.UNBOUNDED() != null) {
            return new WindowFrame.Bound(
                    context.PRECEDING() != null
                            ? WindowFrame.Kind.UNBOUNDED_PRECEDING
                            : WindowFrame.Kind.UNBOUNDED_FOLLOWING,
                    null);
        }
        return new WindowFrame.Bound(
                context.PRECEDING() != null ? WindowFrame.Kind.PRECEDING : WindowFrame.Kind.FOLLOWING,
                expr(context.expr()));
    }

    private OrderByElement orderItem(OrderItemContext item) {
        boolean descending = item.DESC() != null || item.DESCENDING() != null;
        Boolean nullsFirst = item.NULLS() == null ? null : item.FIRST() != null;
        return new OrderByElement(expr(item.expr()), descending, nullsFirst);
    }

    // Names

    private String database(TableIdentifierContext context) {
        return context.identifier().size() > 1 ? identifier(context.identifier(0)) : null;
    }

    private String table(TableIdentifierContext context) {
        return identifier(context.identifier(context.identifier().size() - 1));
    }

    String identifier(IdentifierContext context) {
        return unquoteIdentifier(context.getText());
    }

    private String alias(AliasContext context) {
        return unquoteIdentifier(context.getText());
    }

    private static String unquoteIdentifier(String text) {
        if (text.length() >= 2 && (text.charAt(0) == '`' || text.charAt(0) == '"')) {
            char quote = text.charAt(0);
            String body = text.substring(1, text.length() - 1);
            return LiteralBuilder.unescape(body.replace(String.valueOf(quote) + quote, "\\" + quote));
        }
        return text;
    }

    private String textOf(ParserRuleContext context) {
        return text.substring(
                context.getStart().getStartIndex(), context.getStop().getStopIndex() + 1);
    }
}
