package io.columba.executor.analyzer;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.ArrayJoin;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.JoinClause;
import io.columba.sql.ast.OrderByElement;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SubqueryTable;
import io.columba.sql.ast.TableExpression;
import io.columba.sql.ast.TableFunctionReference;
import io.columba.sql.ast.TableJoin;
import io.columba.sql.ast.TableReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The relation a SELECT reads: its first table, the JOINs and ARRAY JOINs that follow in order, then one array
 * join per distinct {@code arrayJoin(array)} call of the query (several multiply, as in ClickHouse), whose calls
 * the alias expander then reads as the column of elements.
 */
final class FromClause {
    private final JoinPlanner joins;
    private final Function<TableExpression, Source> tables;
    private final AliasExpander expander;

    FromClause(JoinPlanner joins, Function<TableExpression, Source> tables, AliasExpander expander) {
        this.joins = joins;
        this.tables = tables;
        this.expander = expander;
    }

    Source source(SelectQuery select) {
        Source source = tables.apply(select.from());
        boolean tableJoins = select.joins().stream().anyMatch(TableJoin.class::isInstance);
        if (tableJoins) {
            source = JoinPlanner.qualified(source, qualifier(select.from()));
        }
        for (JoinClause clause : select.joins()) {
            source = switch (clause) {
                case TableJoin join -> joins.join(source, tables.apply(join.table()), qualifier(join.table()), join);
                case ArrayJoin arrayJoin -> arrayJoin(source, arrayJoin);
            };
        }
        return source;
    }

    private Source arrayJoin(Source source, ArrayJoin clause) {
        List<Expression> arrays = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Expression expression : clause.expressions()) {
            if (expression instanceof Alias alias) {
                arrays.add(expander.expand(alias.expression()));
                names.add(alias.name());
            } else if (expression instanceof Identifier identifier) {
                arrays.add(identifier);
                names.add(identifier.fullName());
            } else {
                arrays.add(expander.expand(expression));
                names.add(ExpressionFormatter.format(expression));
            }
        }
        return joins.arrayJoin(source, arrays, names, clause.left());
    }

    /** The names that qualify columns of the query's tables ({@code t.a}): FROM's and every JOINed table's. */
    static Set<String> qualifiers(SelectQuery select) {
        Set<String> qualifiers = new HashSet<>();
        String from = qualifier(select.from());
        if (from != null) {
            qualifiers.add(from);
        }
        for (JoinClause clause : select.joins()) {
            if (clause instanceof TableJoin join && qualifier(join.table()) != null) {
                qualifiers.add(qualifier(join.table()));
            }
        }
        return qualifiers;
    }

    /** The qualifier of the FROM table's columns, or null. */
    static String fromQualifier(SelectQuery select) {
        return qualifier(select.from());
    }

    /** The name that qualifies a table's columns: its alias, else the table's name. */
    private static String qualifier(TableExpression table) {
        if (table == null) {
            return null;
        }
        if (table.alias() != null) {
            return table.alias();
        }
        return switch (table) {
            case TableReference reference -> reference.table();
            case TableFunctionReference ignored -> null;
            case SubqueryTable ignored -> null;
        };
    }

    /** {@code source} array-joined with each distinct {@code arrayJoin(...)} call of the query, innermost first. */
    Source arrayJoinFunctions(SelectQuery select, Source source) {
        List<Expression> expressions = new ArrayList<>();
        for (Expression column : select.columns()) {
            expressions.add(column);
        }
        for (Expression clause : new Expression[] {select.prewhere(), select.where(), select.having()}) {
            if (clause != null) {
                expressions.add(clause);
            }
        }
        expressions.addAll(GroupingSets.keys(select));
        for (OrderByElement order : select.orderBy()) {
            expressions.add(order.expression());
        }
        Source result = source;
        for (Expression expression : expressions) {
            if (expression instanceof io.columba.sql.ast.Asterisk) {
                continue;
            }
            result = collect(expander.expandAliases(expression), result);
        }
        return result;
    }

    /** Array-joins the calls inside {@code expression} not joined yet; returns the source after them. */
    private Source collect(Expression expression, Source source) {
        if (!(expression instanceof FunctionCall call)) {
            return expression instanceof Alias alias ? collect(alias.expression(), source) : source;
        }
        Source result = source;
        for (Expression argument : call.arguments()) {
            result = collect(argument, result);
        }
        if (!call.name().equals("arrayJoin")) {
            return result;
        }
        if (call.arguments().size() != 1) {
            throw new io.columba.storage.error.ColumbaException(
                    io.columba.storage.error.ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Function arrayJoin requires exactly one argument, got "
                            + call.arguments().size());
        }
        Expression array = expander.replaceArrayJoins(call.arguments().get(0));
        String column = ExpressionFormatter.format(call.withArguments(List.of(array)));
        if (expander.joinsArray(column)) {
            return result;
        }
        Source joined = joins.arrayJoin(result, List.of(array), List.of(column), false);
        expander.addArrayJoin(column);
        return joined;
    }
}
