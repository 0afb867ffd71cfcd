package io.columba.sql.explain;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.ArrayJoin;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.JoinClause;
import io.columba.sql.ast.OrderByElement;
import io.columba.sql.ast.OutputFile;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SELECT queries as ClickHouse's parser builds them: clauses in ClickHouse's fixed order, absent ones omitted. */
final class QueryExplainer {
    final ExpressionExplainer expressions = new ExpressionExplainer(this);

    ExplainNode union(SelectUnion union) {
        return union(union, null);
    }

    /** {@code SelectWithUnionQuery}, with the output format as a second child when given. */
    ExplainNode union(SelectUnion union, String format) {
        return union(union, format, Map.of());
    }

    /** With the SETTINGS written after FORMAT as a last {@code Set} child. */
    ExplainNode union(SelectUnion union, String format, Map<String, Expression> settings) {
        return union(union, null, format, settings);
    }

    /**
     * With the file of INTO OUTFILE, its compression method and level before the format, as ClickHouse lists them.
     */
    ExplainNode union(SelectUnion union, OutputFile outputFile, String format, Map<String, Expression> settings) {
        List<ExplainNode> selects = new ArrayList<>();
        for (QueryElement element : union.elements()) {
            selects.add(element(element));
        }
        List<ExplainNode> children = new ArrayList<>();
        children.add(ExplainNode.of("ExpressionList", selects));
        if (outputFile != null) {
            children.add(ExplainNode.leaf("Literal " + LiteralDump.quoted(outputFile.path())));
            if (outputFile.compression() != null) {
                children.add(ExplainNode.leaf("Literal " + LiteralDump.quoted(outputFile.compression())));
            }
            if (outputFile.compressionLevel() != null) {
                children.add(ExplainNode.leaf("Literal UInt64_" + outputFile.compressionLevel()));
            }
        }
        if (format != null) {
            children.add(ExplainNode.leaf("Identifier " + format));
        }
        if (!settings.isEmpty()) {
            children.add(settings(settings));
        }
        return ExplainNode.of("SelectWithUnionQuery", children);
    }

    private ExplainNode element(QueryElement element) {
        return switch (element) {
            case SelectQuery select -> select(select);
            case SelectUnion union -> union(union);
            case SelectIntersectExcept operation ->
                ExplainNode.of("SelectIntersectExceptQuery", element(operation.left()), element(operation.right()));
        };
    }

    ExplainNode select(SelectQuery select) {
        List<ExplainNode> children = new ArrayList<>();
        if (!select.with().isEmpty()) {
            List<ExplainNode> with = new ArrayList<>();
            for (Alias item : select.with()) {
                with.add(withItem(item, select.commonTableExpressions().contains(item.name())));
            }
            children.add(ExplainNode.of("ExpressionList", with));
        }
        children.add(expressions.list(select.columns()));
        if (select.from() != null) {
            children.add(tables(select));
        }
        addIfPresent(children, select.prewhere());
        addIfPresent(children, select.where());
        if (!select.groupBy().isEmpty()) {
            children.add(expressions.list(select.groupBy()));
        } else if (!select.groupingSets().isEmpty()) {
            List<ExplainNode> sets = new ArrayList<>();
            for (List<Expression> set : select.groupingSets()) {
                sets.add(expressions.list(set));
            }
            children.add(ExplainNode.of("ExpressionList", sets));
        }
        addIfPresent(children, select.having());
        if (!select.windows().isEmpty()) {
            // ClickHouse lists the named windows without their definitions.
            List<ExplainNode> windows = new ArrayList<>();
            for (int i = 0; i < select.windows().size(); i++) {
                windows.add(ExplainNode.leaf("WindowListElement"));
            }
            children.add(ExplainNode.of("ExpressionList", windows));
        }
        addIfPresent(children, select.qualify());
        if (!select.orderBy().isEmpty()) {
            List<ExplainNode> elements = new ArrayList<>();
            for (OrderByElement element : select.orderBy()) {
                elements.add(orderByElement(element));
            }
            children.add(ExplainNode.of("ExpressionList", elements));
        }
        if (select.interpolate() != null) {
            List<ExplainNode> items = new ArrayList<>();
            for (Alias item : select.interpolate()) {
                items.add(ExplainNode.of(
                        "InterpolateElement (column " + item.name() + ")", expressions.expression(item.expression())));
            }
            children.add(ExplainNode.of("ExpressionList", items));
        }
        if (select.limitBy() != null) {
            addIfPresent(children, select.limitBy().offset());
            addIfPresent(children, select.limitBy().length());
            children.add(expressions.list(select.limitBy().by()));
        }
        addIfPresent(children, select.offset());
        addIfPresent(children, select.limit());
        if (!select.settings().isEmpty()) {
            children.add(settings(select.settings()));
        }
        // WITH t (a, b) AS (...): ClickHouse lists the column names last, under the SELECT.
        for (Alias item : select.with()) {
            if (item.expression() instanceof SubqueryExpression subquery
                    && !subquery.columnAliases().isEmpty()) {
                children.add(expressions.list(
                        subquery.columnAliases().stream().map(Identifier::of).toList()));
            }
        }
        return ExplainNode.of("SelectQuery", children);
    }

    /** The key, then the collation and the WITH FILL bounds, as ClickHouse lists them. */
    ExplainNode orderByElement(OrderByElement element) {
        List<ExplainNode> children = new ArrayList<>();
        children.add(expressions.expression(element.expression()));
        if (element.collation() != null) {
            children.add(ExplainNode.leaf("Literal " + LiteralDump.quoted(element.collation())));
        }
        OrderByElement.Fill fill = element.fill();
        if (fill != null) {
            addIfPresent(children, fill.from());
            addIfPresent(children, fill.to());
            addIfPresent(children, fill.step());
            addIfPresent(children, fill.staleness());
        }
        return ExplainNode.of("OrderByElement", children);
    }

    /** {@code name AS (query)} is a {@code WithElement}; {@code (query) AS name} a subquery with an alias. */
    private ExplainNode withItem(Alias item, boolean commonTableExpression) {
        if (commonTableExpression && item.expression() instanceof SubqueryExpression subquery) {
            return ExplainNode.of("WithElement", ExplainNode.of("Subquery", union(subquery.query())));
        }
        return expressions.expression(item);
    }

    private void addIfPresent(List<ExplainNode> children, Expression expression) {
        if (expression != null) {
            children.add(expressions.expression(expression));
        }
    }

    private ExplainNode tables(SelectQuery select) {
        List<ExplainNode> elements = new ArrayList<>();
        elements.add(ExplainNode.of("TablesInSelectQueryElement", tableExpression(select.from())));
        for (JoinClause join : select.joins()) {
            elements.add(join(join));
        }
        return ExplainNode.of("TablesInSelectQuery", elements);
    }

    /** A joined table carries a {@code TableJoin} with its ON condition or USING list; the kind is not printed. */
    private ExplainNode join(JoinClause join) {
        return switch (join) {
            case ArrayJoin array ->
                ExplainNode.of(
                        "TablesInSelectQueryElement",
                        ExplainNode.of("ArrayJoin", expressions.list(array.expressions())));
            case TableJoin table -> {
                ExplainNode constraint;
                if (table.on() != null) {
                    constraint = ExplainNode.of("TableJoin", expressions.expression(table.on()));
                } else if (!table.using().isEmpty()) {
                    constraint = ExplainNode.of("TableJoin", expressions.list(table.using()));
                } else {
                    constraint = ExplainNode.leaf("TableJoin");
                }
                yield ExplainNode.of("TablesInSelectQueryElement", tableExpression(table.table()), constraint);
            }
        };
    }

    ExplainNode tableExpression(TableExpression table) {
        ExplainNode source = switch (table) {
            case TableReference reference ->
                ExpressionExplainer.name(
                        "TableIdentifier",
                        (reference.database() == null ? "" : reference.database() + ".") + reference.table());
            case TableFunctionReference function -> tableFunction(function);
            case SubqueryTable subquery -> ExplainNode.of("Subquery", union(subquery.query()));
        };
        List<ExplainNode> children = new ArrayList<>();
        children.add(source.withAlias(table.alias()));
        if (table instanceof SubqueryTable subquery && !subquery.columnAliases().isEmpty()) {
            children.add(expressions.list(
                    subquery.columnAliases().stream().map(Identifier::of).toList()));
        }
        TableReference.Sample sample = switch (table) {
            case TableReference reference -> reference.sample();
            case TableFunctionReference function -> function.sample();
            case SubqueryTable subquery -> subquery.sample();
        };
        if (sample != null) {
            children.add(sampleRatio(sample.ratio()));
            if (sample.offset() != null) {
                children.add(sampleRatio(sample.offset()));
            }
        }
        return ExplainNode.of("TableExpression", children);
    }

    /** A table function; the SETTINGS among its arguments are a last {@code Set} argument. */
    private ExplainNode tableFunction(TableFunctionReference function) {
        ExplainNode call = expressions.expression(function.function());
        if (function.settings().isEmpty() || call.children().isEmpty()) {
            return call;
        }
        ExplainNode arguments = call.children().get(0);
        List<ExplainNode> withSettings = new ArrayList<>(arguments.children());
        withSettings.add(settings(function.settings()));
        return ExplainNode.of(call.id(), ExplainNode.of(arguments.id(), withSettings));
    }

    /** {@code SampleRatio 1 / 10}, or the numerator alone over one. */
    private static ExplainNode sampleRatio(TableReference.Ratio ratio) {
        return ExplainNode.leaf("SampleRatio " + ratio.numerator()
                + (ratio.denominator().equals(java.math.BigInteger.ONE) ? "" : " / " + ratio.denominator()));
    }

    /** A SETTINGS clause: ClickHouse prints the node without its values. */
    static ExplainNode settings(Map<String, Expression> settings) {
        return ExplainNode.leaf("Set");
    }
}
