package io.columba.sql.parser;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.ArrayJoin;
import io.columba.sql.ast.Asterisk;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.JoinClause;
import io.columba.sql.ast.Literal;
import io.columba.sql.ast.NamedWindow;
import io.columba.sql.ast.OrderByElement;
import io.columba.sql.ast.QueryElement;
import io.columba.sql.ast.SelectIntersectExcept;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectUnion;
import io.columba.sql.ast.SubqueryExpression;
import io.columba.sql.ast.SubqueryTable;
import io.columba.sql.ast.TableExpression;
import io.columba.sql.ast.TableFunctionReference;
import io.columba.sql.ast.TableJoin;
import io.columba.sql.ast.TableReference;
import io.columba.sql.parser.ClickHouseParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds SELECT queries and unions: WITH, the select list, FROM with its joins and table expressions, the clauses. */
final class SelectBuilder extends BuilderPart {
    SelectBuilder(AstBuilder root) {
        super(root);
    }

    SelectUnion union(SelectUnionContext context) {
        List<SetOperatorContext> operators = context.setOperator();
        for (SetOperatorContext operator : operators) {
            if (operator.UNION() == null) {
                return setOperations(context);
            }
        }
        List<QueryElement> elements = new ArrayList<>();
        List<Boolean> distinct = new ArrayList<>();
        for (int i = 0; i < context.selectQuery().size(); i++) {
            if (i > 0) {
                distinct.add(operators.get(i - 1).ALL() == null);
            }
            SelectUnion inner = selectQuery(context.selectQuery(i));
            if (inner.elements().stream().allMatch(SelectQuery.class::isInstance)) {
                // A parenthesized union of plain SELECTs joins the chain, as ClickHouse flattens it.
                elements.addAll(inner.elements());
                distinct.addAll(inner.distinctUnions());
            } else {
                elements.add(inner.elements().size() == 1 ? inner.elements().get(0) : inner);
            }
        }
        // As in ClickHouse, a WITH before the first SELECT of a union applies to every SELECT without its own.
        if (context.selectQuery(0) instanceof PlainSelectContext
                && elements.get(0) instanceof SelectQuery first
                && !first.with().isEmpty()) {
            for (int i = 1; i < elements.size(); i++) {
                if (elements.get(i) instanceof SelectQuery other && other.with().isEmpty()) {
                    elements.set(i, other.withWith(first.with(), first.commonTableExpressions()));
                }
            }
        }
        return new SelectUnion(elements, distinct);
    }

    /**
     * A chain with INTERSECT or EXCEPT, nested as ClickHouse does: INTERSECT takes the element on its left (inside
     * an EXCEPT's right side), EXCEPT everything on its left as one union; UNIONs between stay in the chain.
     */
    private SelectUnion setOperations(SelectUnionContext context) {
        List<QueryElement> chain = new ArrayList<>();
        List<Boolean> distinct = new ArrayList<>();
        chain.add(element(context.selectQuery(0)));
        for (int i = 0; i < context.setOperator().size(); i++) {
            SetOperatorContext operator = context.setOperator(i);
            QueryElement right = element(context.selectQuery(i + 1));
            SelectIntersectExcept.Mode mode = operator.ALL() != null
                    ? SelectIntersectExcept.Mode.ALL
                    : operator.DISTINCT() != null
                            ? SelectIntersectExcept.Mode.DISTINCT
                            : SelectIntersectExcept.Mode.DEFAULT;
            if (operator.EXCEPT() != null) {
                SelectUnion left = new SelectUnion(chain, distinct);
                chain = new ArrayList<>(
                        List.of(new SelectIntersectExcept(SelectIntersectExcept.Operator.EXCEPT, mode, left, right)));
                distinct = new ArrayList<>();
            } else if (operator.INTERSECT() != null) {
                QueryElement last = chain.get(chain.size() - 1);
                if (last instanceof SelectIntersectExcept except
                        && except.operator() == SelectIntersectExcept.Operator.EXCEPT) {
                    chain.set(
                            chain.size() - 1,
                            except.withRight(new SelectIntersectExcept(
                                    SelectIntersectExcept.Operator.INTERSECT, mode, except.right(), right)));
                } else {
                    chain.set(
                            chain.size() - 1,
                            new SelectIntersectExcept(SelectIntersectExcept.Operator.INTERSECT, mode, last, right));
                }
            } else {
                chain.add(right);
                distinct.add(operator.ALL() == null);
            }
        }
        SelectUnion union = new SelectUnion(chain, distinct);
        if (context.selectQuery(0) instanceof PlainSelectContext plain && plain.withClause() != null) {
            SelectQuery first = (SelectQuery) selectQuery(plain).elements().get(0);
            return (SelectUnion) withWith(union, first);
        }
        return union;
    }

    /** An operand of INTERSECT or EXCEPT: a SELECT, or a parenthesized query kept whole. */
    private QueryElement element(SelectQueryContext context) {
        SelectUnion union = selectQuery(context);
        return union.elements().size() == 1 ? union.elements().get(0) : union;
    }

    /** The WITH of a chain's first SELECT, given to every SELECT of the chain without its own, as ClickHouse does. */
    private static QueryElement withWith(QueryElement element, SelectQuery first) {
        return switch (element) {
            case SelectQuery select ->
                select.with().isEmpty() ? select.withWith(first.with(), first.commonTableExpressions()) : select;
            case SelectUnion union ->
                new SelectUnion(
                        union.elements().stream()
                                .map(inner -> withWith(inner, first))
                                .toList(),
                        union.distinctUnions());
            case SelectIntersectExcept operation ->
                new SelectIntersectExcept(
                        operation.operator(),
                        operation.mode(),
                        withWith(operation.left(), first),
                        withWith(operation.right(), first));
        };
    }

    private SelectUnion selectQuery(SelectQueryContext context) {
        if (context instanceof NestedSelectContext nested) {
            return selectUnion(nested.selectUnion());
        }
        PlainSelectContext select = (PlainSelectContext) context;
        int namedWindowsBefore = root.namedWindowReferences;
        List<Alias> with = new ArrayList<>();
        List<String> commonTableExpressions = new ArrayList<>();
        withItems(select.withClause(), with, commonTableExpressions);
        // FROM t SELECT x: the FROM may come first.
        FromClauseContext from = select.leadingFrom != null
                ? select.leadingFrom
                : select.fromClause().stream()
                        .filter(clause -> clause != select.leadingFrom)
                        .findFirst()
                        .orElse(null);
        if (select.fromClause().size() > 1) {
            throw syntaxError(select.fromClause(1).getStart(), "a SELECT has one FROM clause");
        }
        List<Expression> columns = new ArrayList<>();
        for (SelectItemContext item : select.selectItemList().selectItem()) {
            Expression expression = expr(item.expr());
            columns.add(item.aliasClause() == null ? expression : new Alias(expression, alias(item.aliasClause())));
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
        if (select.ROLLUP() != null || select.CUBE() != null) {
            groupByModifier = select.ROLLUP() != null ? "ROLLUP" : "CUBE";
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
        boolean withTies =
                select.limitClause() != null && select.limitClause().getToken(ClickHouseLexer.TIES, 0) != null;
        if (select.topClause() != null) {
            if (select.limitClause() != null) {
                throw syntaxError(select.topClause().getStart(), "TOP is LIMIT: a SELECT cannot take both");
            }
            limit = LiteralBuilder.integerLiteral(
                    select.topClause().DECIMAL_LITERAL().getText());
            withTies = select.topClause().TIES() != null;
        }
        if (select.limitClause() instanceof LimitWithCommaOffsetContext comma) {
            offset = expr(comma.expr(0));
            limit = expr(comma.expr(1));
        } else if (select.limitClause() instanceof LimitWithOffsetContext plain) {
            limit = expr(plain.expr(0));
            offset = plain.expr().size() > 1 ? expr(plain.expr(1)) : null;
        } else if (select.limitClause() instanceof FetchLimitContext fetch) {
            // OFFSET n ROWS FETCH FIRST m ROWS ONLY is LIMIT m OFFSET n.
            limit = expr(fetch.expr(fetch.expr().size() - 1));
            offset = fetch.expr().size() > 1 ? expr(fetch.expr(0)) : null;
        } else if (select.limitClause() instanceof OffsetOnlyContext offsetOnly) {
            offset = expr(offsetOnly.expr());
        }
        SelectQuery query = new SelectQuery(
                with,
                commonTableExpressions,
                select.DISTINCT() != null && select.distinctOn() == null,
                columns,
                from == null ? null : tableExpression(from.tableExpression()),
                from == null
                        ? List.of()
                        : from.joinElement().stream().map(this::join).toList(),
                select.prewhereClause() == null
                        ? null
                        : expr(select.prewhereClause().aliasedExpr()),
                select.whereClause() == null ? null : expr(select.whereClause().aliasedExpr()),
                groupBy,
                groupingSets,
                groupByModifier,
                select.TOTALS() != null,
                select.havingClause() == null
                        ? null
                        : expr(select.havingClause().aliasedExpr()),
                orderBy,
                limitBy,
                limit,
                offset,
                settings(select.settingsClause()),
                interpolate(select.interpolateClause()),
                withTies,
                windows(select.windowClause()),
                select.qualifyClause() == null
                        ? null
                        : expr(select.qualifyClause().aliasedExpr()),
                root.namedWindowReferences > namedWindowsBefore,
                select.withClause() != null && select.withClause().RECURSIVE() != null);
        return SelectUnion.of(query);
    }

    /** The items of a WITH clause (none when it is null): expressions as aliases, and the names of subqueries. */
    void withItems(WithClauseContext clause, List<Alias> with, List<String> commonTableExpressions) {
        if (clause == null) {
            return;
        }
        for (WithItemContext item : clause.withItem()) {
            if (item instanceof WithExpressionContext expression) {
                Expression value = expr(expression.expr());
                // WITH 1 SELECT ...: the expression is named as its column would be.
                with.add(new Alias(
                        value,
                        expression.identifier() == null
                                ? ExpressionFormatter.columnName(value)
                                : identifier(expression.identifier())));
            } else {
                WithSubqueryContext subquery = (WithSubqueryContext) item;
                commonTableExpressions.add(identifier(subquery.identifier()));
                with.add(new Alias(
                        new SubqueryExpression(
                                selectUnion(subquery.selectUnion()), columnAliases(subquery.columnAliases())),
                        identifier(subquery.identifier())));
            }
        }
    }

    /** The names of {@code t (a, b)}; empty when none are written. */
    private List<String> columnAliases(ColumnAliasesContext context) {
        return context == null
                ? List.of()
                : context.identifier().stream().map(this::identifier).toList();
    }

    private List<NamedWindow> windows(WindowClauseContext context) {
        if (context == null) {
            return List.of();
        }
        List<NamedWindow> windows = new ArrayList<>();
        for (WindowDefinitionContext definition : context.windowDefinition()) {
            windows.add(new NamedWindow(
                    identifier(definition.identifier()), root.expressions.windowSpec(definition.windowSpec())));
        }
        return windows;
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
                        !reference.FINAL().isEmpty(),
                        alias(reference.aliasClause()),
                        sample(reference.sampleClause()));
            case TableFunctionReferenceContext function ->
                new TableFunctionReference(
                        functionCall(function.tableFunction()),
                        alias(function.aliasClause()),
                        !function.FINAL().isEmpty(),
                        sample(function.sampleClause()),
                        settings(function.tableFunction().settingsClause()));
            case ExplainReferenceContext explain -> explainTable(explain);
            case SubqueryReferenceContext subquery ->
                new SubqueryTable(
                        selectUnion(subquery.selectUnion()),
                        alias(subquery.aliasClause()),
                        columnAliases(subquery.columnAliases()),
                        subquery.FINAL() != null,
                        sample(subquery.sampleClause()));
            default -> throw new IllegalStateException("unknown table expression");
        };
    }

    /** A table function outside FROM, where its arguments may not end in SETTINGS. */
    FunctionCall tableFunction(TableFunctionContext context) {
        if (context.settingsClause() != null) {
            throw syntaxError(
                    context.settingsClause().getStart(), "SETTINGS among a table function's arguments only in FROM");
        }
        return functionCall(context);
    }

    private FunctionCall functionCall(TableFunctionContext context) {
        if (context.viewFunction() != null) {
            return viewFunction(context.viewFunction());
        }
        return new FunctionCall(identifier(context.identifier()), exprList(context.exprList()), null, false);
    }

    /** {@code view(SELECT ...)}: the SELECT is its one argument. */
    FunctionCall viewFunction(ViewFunctionContext context) {
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
            settings.add(settingName(item) + " = " + (item.expr() == null ? "1" : textOf(item.expr())));
        }
        FunctionCall function = FunctionCall.of(
                "viewExplain",
                Literal.ofString(kind.isEmpty() || kind.equals("PLAN") ? "EXPLAIN" : "EXPLAIN " + kind),
                Literal.ofString(String.join(", ", settings)),
                new SubqueryExpression(selectUnion(explain.selectUnion())));
        SelectQuery readExplain =
                SelectQuery.of(List.of(new Asterisk(null)), new TableFunctionReference(function, null));
        return new SubqueryTable(SelectUnion.of(readExplain), alias(explain.aliasClause()));
    }

    /** {@code INTERPOLATE (x AS expression, y)}: {@code y} alone is {@code y AS y}. */
    private List<Alias> interpolate(InterpolateClauseContext context) {
        if (context == null) {
            return null;
        }
        List<Alias> items = new ArrayList<>();
        for (InterpolateItemContext item : context.interpolateItem()) {
            String column = identifier(item.identifier());
            Expression value = item.expr() == null ? new Identifier(List.of(column)) : expr(item.expr());
            items.add(new Alias(value, column));
        }
        return items;
    }

    private static TableReference.Sample sample(SampleClauseContext sample) {
        if (sample == null) {
            return null;
        }
        List<SampleRatioContext> ratios = sample.sampleRatio();
        return new TableReference.Sample(ratio(ratios.get(0)), ratios.size() > 1 ? ratio(ratios.get(1)) : null);
    }

    /** {@code 0.1} is 1 / 10 (the digits after the point, unreduced, as ClickHouse keeps them); {@code a / b} divides. */
    private static TableReference.Ratio ratio(SampleRatioContext ratio) {
        TableReference.Ratio first = ratio(ratio.getChild(0).getText());
        if (ratio.getChildCount() == 1) {
            return first;
        }
        TableReference.Ratio second = ratio(ratio.getChild(2).getText());
        return new TableReference.Ratio(
                first.numerator().multiply(second.denominator()),
                first.denominator().multiply(second.numerator()));
    }

    private static TableReference.Ratio ratio(String number) {
        java.math.BigDecimal value = new java.math.BigDecimal(number.replace("_", ""));
        if (value.scale() <= 0) {
            return new TableReference.Ratio(value.toBigIntegerExact(), java.math.BigInteger.ONE);
        }
        return new TableReference.Ratio(value.unscaledValue(), java.math.BigInteger.TEN.pow(value.scale()));
    }
}
