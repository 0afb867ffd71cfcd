package io.columba.executor.analyzer;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.OrderByElement;
import io.columba.sql.ast.WindowSpec;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces alias names by the expressions they stand for, anywhere in an expression, as ClickHouse does: an
 * alias wins over a column of the same name, except inside its own definition.
 */
final class AliasExpander {
    private final Map<String, Expression> aliases;
    private final Set<String> columns;
    private final Set<String> arrayJoins = new HashSet<>();
    /** The settings getSetting calls read, or null where they are not replaced. */
    private io.columba.executor.QuerySettings settings;

    AliasExpander(Map<String, Expression> aliases, Set<String> columns) {
        this.aliases = aliases;
        this.columns = columns;
    }

    /** This expander, also replacing each {@code getSetting('name')} by the value the query sees. */
    AliasExpander withSettings(io.columba.executor.QuerySettings settings) {
        this.settings = settings;
        return this;
    }

    /** The expression with aliases expanded and array-joined {@code arrayJoin} calls read as their columns. */
    Expression expand(Expression expression) {
        return replaceArrayJoins(expand(expression, new HashSet<>()));
    }

    /** The expression with aliases expanded, {@code arrayJoin} calls left as they are. */
    Expression expandAliases(Expression expression) {
        return expand(expression, new HashSet<>());
    }

    /** Reads {@code arrayJoin(...)} calls whose text is {@code column} as that column from now on. */
    void addArrayJoin(String column) {
        arrayJoins.add(column);
    }

    boolean joinsArray(String column) {
        return arrayJoins.contains(column);
    }

    /** The expression with each array-joined {@code arrayJoin(...)} call, innermost first, replaced by its column. */
    Expression replaceArrayJoins(Expression expression) {
        if (arrayJoins.isEmpty()) {
            return expression;
        }
        return switch (expression) {
            case FunctionCall call -> {
                List<Expression> arguments = new ArrayList<>(call.arguments().size());
                for (Expression argument : call.arguments()) {
                    arguments.add(replaceArrayJoins(argument));
                }
                FunctionCall replaced = call.withArguments(arguments);
                String text = ExpressionFormatter.format(replaced);
                yield call.name().equals("arrayJoin") && arrayJoins.contains(text) ? Identifier.of(text) : replaced;
            }
            case Alias alias -> new Alias(replaceArrayJoins(alias.expression()), alias.name());
            default -> expression;
        };
    }

    /** The text that identifies an expression once aliases are expanded (how GROUP BY keys are matched). */
    String canonicalName(Expression expression) {
        return ExpressionFormatter.format(expand(expression));
    }

    private Expression expand(Expression expression, Set<String> expanding) {
        return switch (expression) {
            case Alias alias -> {
                // Inside its own definition an alias's name is the column: SELECT countMerge(count) AS count.
                Set<String> inner = new HashSet<>(expanding);
                inner.add(alias.name());
                yield expand(alias.expression(), inner);
            }
            case Identifier identifier -> {
                String name = identifier.parts().size() == 1 ? identifier.name() : null;
                Expression definition = name == null ? null : aliases.get(name);
                if (definition == null || expanding.contains(name)) {
                    yield identifier;
                }
                if (definition instanceof Identifier target && target.name().equals(name)) {
                    yield identifier;
                }
                Set<String> inner = new HashSet<>(expanding);
                inner.add(name);
                if (inner.size() > 64) {
                    throw new ColumbaException(
                            ErrorCode.CYCLIC_ALIASES, "Cyclic aliases for identifier '" + name + "'");
                }
                yield expand(definition, inner);
            }
            case FunctionCall call -> {
                List<Expression> arguments = new ArrayList<>(call.arguments().size());
                for (Expression argument : call.arguments()) {
                    arguments.add(expand(argument, expanding));
                }
                FunctionCall expanded = call.withArguments(arguments);
                if (settings != null && call.window() == null && call.name().equals(SettingLookup.FUNCTION)) {
                    yield SettingLookup.value(expanded, settings);
                }
                yield call.window() == null ? expanded : expanded.withWindow(expandWindow(call.window(), expanding));
            }
            default -> expression;
        };
    }

    private WindowSpec expandWindow(WindowSpec window, Set<String> expanding) {
        List<Expression> partitionBy = new ArrayList<>();
        for (Expression expression : window.partitionBy()) {
            partitionBy.add(expand(expression, expanding));
        }
        List<OrderByElement> orderBy = new ArrayList<>();
        for (OrderByElement order : window.orderBy()) {
            orderBy.add(new OrderByElement(
                    expand(order.expression(), expanding),
                    order.descending(),
                    order.nullsFirst(),
                    order.collation(),
                    order.fill()));
        }
        return window.withExpressions(partitionBy, orderBy);
    }

    boolean isColumn(String name) {
        return columns.contains(name);
    }
}
