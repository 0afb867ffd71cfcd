package io.columba.sql.parser;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.ColumnDeclaration;
import io.columba.sql.ast.ConstraintDeclaration;
import io.columba.sql.ast.CreateTableStatement;
import io.columba.sql.ast.CreateViewStatement;
import io.columba.sql.ast.EngineClause;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.IndexDeclaration;
import io.columba.sql.ast.InsertFunctionStatement;
import io.columba.sql.ast.InsertStatement;
import io.columba.sql.ast.ProjectionDeclaration;
import io.columba.sql.ast.SelectUnion;
import io.columba.sql.ast.Statement;
import io.columba.sql.ast.TtlRule;
import io.columba.sql.parser.ClickHouseParser.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/** Builds CREATE TABLE and CREATE VIEW (columns, indexes, engine clauses) and INSERT. */
final class DefinitionBuilder extends BuilderPart {
    DefinitionBuilder(AstBuilder root) {
        super(root);
    }

    ColumnDeclaration columnDeclaration(ColumnDeclarationContext column) {
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
        String comment = column.STRING_LITERAL() == null ? null : unquoteString(column.STRING_LITERAL());
        return new ColumnDeclaration(
                columnName(column.columnName()),
                type == null ? null : nullable(column, textOf(type)),
                defaultExpression,
                comment,
                codecs,
                ttl,
                defaultKind,
                exprList(column.exprList()));
    }

    IndexDeclaration indexDeclaration(IndexDeclarationBodyContext index) {
        return indexDeclaration(index.identifier(), index.expr(), index.columnType(), index.DECIMAL_LITERAL());
    }

    IndexDeclaration indexDeclaration(
            IdentifierContext name,
            ExprContext expression,
            ColumnTypeContext type,
            org.antlr.v4.runtime.tree.TerminalNode writtenGranularity) {
        int granularity = 1;
        if (writtenGranularity != null) {
            Token token = writtenGranularity.getSymbol();
            java.math.BigInteger value =
                    new java.math.BigInteger(token.getText().replace("_", ""));
            if (value.signum() <= 0 || value.bitLength() > 31) {
                throw syntaxError(token, "GRANULARITY must be a positive integer below 2^31");
            }
            granularity = value.intValue();
        }
        return new IndexDeclaration(identifier(name), expr(expression), textOf(type), granularity);
    }

    TtlRule ttlRule(TtlRuleContext rule) {
        String move = rule.TO() == null
                ? null
                : identifier(rule.identifier()) + " " + rule.STRING_LITERAL().getText();
        return new TtlRule(expr(rule.expr(0)), move, rule.WHERE() == null ? null : expr(rule.expr(1)));
    }

    Statement createTable(CreateTableContext create) {
        List<ColumnDeclaration> columns = new ArrayList<>();
        List<IndexDeclaration> indexes = new ArrayList<>();
        List<ConstraintDeclaration> constraints = new ArrayList<>();
        List<ProjectionDeclaration> projections = new ArrayList<>();
        for (TableElementContext element : create.tableElement()) {
            if (element.columnDeclaration() != null) {
                columns.add(columnDeclaration(element.columnDeclaration()));
            } else if (element.indexDeclarationBody() != null) {
                indexes.add(indexDeclaration(element.indexDeclarationBody()));
            } else if (element.projectionDeclarationBody() != null) {
                projections.add(projectionDeclaration(element.projectionDeclarationBody()));
            } else {
                constraints.add(new ConstraintDeclaration(
                        identifier(element.identifier()), expr(element.expr()), element.ASSUME() != null));
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
                select == null ? null : selectUnion(select),
                create.tableFunction().isEmpty() ? null : root.selects.tableFunction(create.tableFunction(0)),
                constraints,
                projections);
    }

    Statement createView(CreateViewContext create) {
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

    EngineClause engine(EngineClauseContext clause) {
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

    /** INSERT into a table, or through a table function ({@code INSERT INTO FUNCTION s3(...) ...}). */
    Statement insert(InsertContext context) {
        InsertTargetContext target;
        InsertColumnsContext columns;
        SettingsClauseContext settings;
        List<List<Expression>> rows = null;
        String format = null;
        String data = null;
        SelectUnion select = null;
        switch (context) {
            case InsertValuesContext values -> {
                target = values.insertTarget();
                columns = values.insertColumns();
                settings = values.settingsClause();
                rows = new ArrayList<>();
                for (ValuesRowContext row : values.valuesRow()) {
                    rows.add(exprList(row.exprList()));
                }
            }
            case InsertFormatContext written -> {
                target = written.insertTarget();
                columns = written.insertColumns();
                settings = written.settingsClause();
                format = identifier(written.identifier());
                data = root.insertData == null ? "" : root.insertData;
            }
            case InsertSelectContext written -> {
                target = written.insertTarget();
                columns = written.insertColumns();
                settings = written.settingsClause();
                select = selectUnion(written.selectUnion());
            }
            default -> throw new IllegalStateException("unknown insert");
        }
        TableIdentifierContext table = target instanceof InsertIntoTableContext into ? into.tableIdentifier() : null;
        InsertStatement inserted = new InsertStatement(
                table == null ? null : database(table),
                table == null ? null : table(table),
                insertColumns(columns),
                rows,
                format,
                data,
                select,
                settings(settings),
                asterisk(columns));
        if (target instanceof InsertIntoFunctionContext function) {
            return new InsertFunctionStatement(
                    root.selects.tableFunction(function.tableFunction()),
                    function.expr() == null ? null : expr(function.expr()),
                    inserted);
        }
        return inserted;
    }

    private static boolean asterisk(InsertColumnsContext context) {
        return context != null && context.ASTERISK() != null;
    }

    private List<String> insertColumns(InsertColumnsContext context) {
        return context == null
                ? List.of()
                : context.compoundIdentifier().stream()
                        .map(name -> String.join(".", nameParts(name)))
                        .toList();
    }

    /** {@code name (SELECT columns [GROUP BY keys] [ORDER BY keys])}. */
    ProjectionDeclaration projectionDeclaration(ProjectionDeclarationBodyContext projection) {
        ProjectionSelectContext select = projection.projectionSelect();
        List<Expression> columns = new ArrayList<>();
        for (SelectItemContext item : select.selectItemList().selectItem()) {
            Expression expression = expr(item.expr());
            columns.add(item.aliasClause() == null ? expression : new Alias(expression, alias(item.aliasClause())));
        }
        List<Expression> groupBy = select.GROUP() == null ? List.of() : exprList(select.exprList(0));
        List<Expression> orderBy = select.ORDER() == null
                ? List.of()
                : exprList(select.exprList(select.exprList().size() - 1));
        return new ProjectionDeclaration(identifier(projection.identifier()), columns, groupBy, orderBy);
    }

    /** {@code x T NULL} is a Nullable(T) column, as ClickHouse makes it; {@code NOT NULL} changes nothing. */
    private static String nullable(ColumnDeclarationContext column, String type) {
        return column.NULL_SQL() != null && column.NOT() == null ? "Nullable(" + type + ")" : type;
    }
}
