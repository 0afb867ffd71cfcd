package io.columba.sql.parser;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.ColumnDeclaration;
import io.columba.sql.ast.ConstraintDeclaration;
import io.columba.sql.ast.CreateTableStatement;
import io.columba.sql.ast.CreateViewStatement;
import io.columba.sql.ast.EngineClause;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
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
        return indexDeclaration(name, expr(expression), type, writtenGranularity);
    }

    /** A skipping index; {@code type} is null for {@code CREATE INDEX i ON t (a)}, which names no type. */
    IndexDeclaration indexDeclaration(
            IdentifierContext name,
            Expression expression,
            ColumnTypeContext type,
            org.antlr.v4.runtime.tree.TerminalNode writtenGranularity) {
        int granularity = 1;
        if (writtenGranularity != null) {
            Token token = writtenGranularity.getSymbol();
            java.math.BigInteger value =
                    new java.math.BigInteger(token.getText().replace("_", ""));
            if (value.signum() <= 0 || value.bitLength() > 64) {
                throw syntaxError(token, "GRANULARITY must be a positive integer below 2^64");
            }
            // From 2^31 granules on, one entry covers every part there can be: as many as an int holds does too.
            granularity = value.bitLength() > 31 ? Integer.MAX_VALUE : value.intValue();
        }
        return new IndexDeclaration(identifier(name), expression, type == null ? null : textOf(type), granularity);
    }

    TtlRule ttlRule(TtlRuleContext rule) {
        String move = rule.TO() == null
                ? null
                : identifier(rule.identifier()) + " " + rule.STRING_LITERAL().getText();
        List<String> recompress = new ArrayList<>();
        for (ColumnTypeContext codec : rule.columnType()) {
            recompress.add(textOf(codec));
        }
        List<Alias> set = new ArrayList<>();
        for (AssignmentContext assignment : rule.assignment()) {
            set.add(new Alias(expr(assignment.expr()), identifier(assignment.identifier())));
        }
        return new TtlRule(
                expr(rule.expr(0)),
                move,
                rule.WHERE() == null ? null : expr(rule.expr(1)),
                recompress,
                rule.GROUP() == null ? List.of() : exprList(rule.exprList()),
                set);
    }

    Statement createTable(CreateTableContext create) {
        TableElements elements = tableElements(create.tableElement());
        List<TableIdentifierContext> names = create.tableIdentifier();
        SelectUnionContext select = create.selectUnion();
        return new CreateTableStatement(
                create.NOT() != null,
                database(names.get(0)),
                table(names.get(0)),
                elements.columns,
                elements.indexes,
                withPrimaryKey(engine(create.engineClause()), elements),
                names.size() > 1 ? textOf(names.get(1)).replace("`", "") : null,
                select == null ? null : selectUnion(select),
                create.tableFunction().isEmpty() ? null : root.selects.tableFunction(create.tableFunction(0)),
                elements.constraints,
                elements.projections,
                elements.primaryKey,
                false);
    }

    /** {@code ATTACH TABLE t [UUID 'id'] [FROM 'path'] (columns) ENGINE = ...}: a table's stored definition. */
    Statement attachTable(AttachTableContext attach) {
        TableElements elements = tableElements(attach.tableElement());
        return new CreateTableStatement(
                attach.NOT() != null,
                database(attach.tableIdentifier()),
                table(attach.tableIdentifier()),
                elements.columns,
                elements.indexes,
                withPrimaryKey(engine(attach.engineClause()), elements),
                null,
                null,
                null,
                elements.constraints,
                elements.projections,
                elements.primaryKey,
                true);
    }

    /** The elements of a table's definition, sorted by kind; the primary key when the list writes one. */
    private static final class TableElements {
        final List<ColumnDeclaration> columns = new ArrayList<>();
        final List<IndexDeclaration> indexes = new ArrayList<>();
        final List<ConstraintDeclaration> constraints = new ArrayList<>();
        final List<ProjectionDeclaration> projections = new ArrayList<>();
        Expression primaryKey;
        Token primaryKeyToken;
    }

    /**
     * Columns marked {@code PRIMARY KEY} make the key {@code tuple(a, b)}; {@code PRIMARY KEY expression} among the
     * columns is the key itself. Both forms at once, or the element twice, are an error, as in ClickHouse.
     */
    private TableElements tableElements(List<TableElementContext> list) {
        TableElements elements = new TableElements();
        List<Expression> keyColumns = new ArrayList<>();
        for (TableElementContext element : list) {
            if (element.columnDeclaration() != null) {
                ColumnDeclaration column = columnDeclaration(element.columnDeclaration());
                elements.columns.add(column);
                if (element.columnDeclaration().PRIMARY() != null) {
                    keyColumns.add(Identifier.of(column.name()));
                    elements.primaryKeyToken =
                            element.columnDeclaration().PRIMARY().getSymbol();
                }
            } else if (element.PRIMARY() != null) {
                if (elements.primaryKey != null) {
                    throw syntaxError(element.PRIMARY().getSymbol(), "multiple primary keys are not allowed");
                }
                elements.primaryKey = expr(element.expr());
                elements.primaryKeyToken = element.PRIMARY().getSymbol();
            } else if (element.FOREIGN() != null) {
                continue;
            } else if (element.indexDeclarationBody() != null) {
                elements.indexes.add(indexDeclaration(element.indexDeclarationBody()));
            } else if (element.projectionDeclarationBody() != null) {
                elements.projections.add(projectionDeclaration(element.projectionDeclarationBody()));
            } else {
                elements.constraints.add(new ConstraintDeclaration(
                        identifier(element.identifier(0)), expr(element.expr()), element.ASSUME() != null));
            }
        }
        if (!keyColumns.isEmpty()) {
            if (elements.primaryKey != null) {
                throw syntaxError(elements.primaryKeyToken, "multiple primary keys are not allowed");
            }
            elements.primaryKey = FunctionCall.of("tuple", keyColumns.toArray(Expression[]::new));
        }
        return elements;
    }

    /** The engine clause with the primary key written among the columns, which may not have one of its own. */
    private EngineClause withPrimaryKey(EngineClause engine, TableElements elements) {
        if (elements.primaryKey == null) {
            return engine;
        }
        if (engine == null) {
            return new EngineClause(
                    null, List.of(), null, null, elements.primaryKey, null, List.of(), Map.of(), false, List.of());
        }
        if (engine.primaryKey() != null) {
            throw syntaxError(elements.primaryKeyToken, "multiple primary keys are not allowed");
        }
        return new EngineClause(
                engine.name(),
                engine.arguments(),
                engine.partitionBy(),
                engine.orderBy(),
                elements.primaryKey,
                engine.sampleBy(),
                engine.ttl(),
                engine.settings(),
                engine.parenthesized(),
                engine.orderByDescending());
    }

    Statement createView(CreateViewContext create) {
        TableElements elements = tableElements(create.tableElement());
        List<ColumnDeclaration> columns = elements.columns;
        TableIdentifierContext to = create.tableIdentifier().size() > 1 ? create.tableIdentifier(1) : null;
        return new CreateViewStatement(
                create.MATERIALIZED() != null,
                create.NOT() != null,
                database(create.tableIdentifier(0)),
                table(create.tableIdentifier(0)),
                to == null ? null : database(to),
                to == null ? null : table(to),
                columns,
                withPrimaryKey(engine(create.engineClause()), elements),
                create.POPULATE() != null,
                selectUnion(create.selectUnion()),
                create.refreshClause() == null ? null : textOf(create.refreshClause()));
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
            List<Boolean> descending = new ArrayList<>();
            for (EngineItemContext item : clause.engineItem()) {
                switch (item) {
                    case PartitionByItemContext partition -> partitionBy = expr(partition.expr());
                    case OrderByItemContext order -> orderBy = expr(order.expr());
                    case OrderByWithDirectionItemContext order -> {
                        orderBy = sortingKey(order);
                        for (SortingKeyPartContext part : order.sortingKeyPart()) {
                            descending.add(part.DESC() != null || part.DESCENDING() != null);
                        }
                    }
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
                    engineExpr != null && engineExpr.LPAREN() != null,
                    descending);
        }
        return engine;
    }

    /** {@code ORDER BY a DESC} is the key a; {@code ORDER BY (a, b DESC)} the key tuple(a, b). */
    private Expression sortingKey(OrderByWithDirectionItemContext order) {
        List<SortingKeyPartContext> parts = order.sortingKeyPart();
        if (order.LPAREN() == null) {
            return expr(parts.get(0).expr());
        }
        List<Expression> keys = new ArrayList<>();
        for (SortingKeyPartContext part : parts) {
            keys.add(expr(part.expr()));
        }
        return FunctionCall.of("tuple", keys.toArray(Expression[]::new));
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
        String infile = null;
        String infileCompression = null;
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
            case InsertFromInfileContext written -> {
                target = written.insertTarget();
                columns = written.insertColumns();
                settings = written.settingsClause();
                infile = unquoteString(written.STRING_LITERAL(0));
                infileCompression = written.COMPRESSION() == null ? null : unquoteString(written.STRING_LITERAL(1));
                format = written.identifier() == null ? null : identifier(written.identifier());
                select = written.selectUnion() == null ? null : selectUnion(written.selectUnion());
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
                asterisk(columns),
                infile,
                infileCompression);
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
        if (select == null) {
            return new ProjectionDeclaration(
                    identifier(projection.identifier()),
                    List.of(),
                    List.of(),
                    List.of(),
                    expr(projection.expr()),
                    textOf(projection.columnType()));
        }
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

    /**
     * {@code x T NULL} is a Nullable(T) column, as ClickHouse makes it, also with NULL after the default;
     * {@code NOT NULL} changes nothing.
     */
    private static String nullable(ColumnDeclarationContext column, String type) {
        for (NullabilityContext nullability : column.nullability()) {
            if (nullability.NOT() == null) {
                return "Nullable(" + type + ")";
            }
        }
        return type;
    }
}
