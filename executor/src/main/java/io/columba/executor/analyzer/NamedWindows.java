package io.columba.executor.analyzer;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.NamedWindow;
import io.columba.sql.ast.OrderByElement;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.WindowSpec;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the WINDOW clause: {@code f() OVER w} becomes {@code f() OVER (w's definition)}, and
 * {@code OVER (w ORDER BY x)} takes w's PARTITION BY (and its ORDER BY and frame when it writes none), as ClickHouse
 * does; a definition in the WINDOW clause may itself extend an earlier one. A window may not override the PARTITION
 * BY or a non-empty ORDER BY of the one it extends.
 */
final class NamedWindows {
    private final Map<String, WindowSpec> definitions = new HashMap<>();

    private NamedWindows() {}

    /** The SELECT with every window written out in place and no WINDOW clause left. */
    static SelectQuery resolve(SelectQuery select) {
        if (select.windows().isEmpty() && !select.namedWindowReferences()) {
            return select;
        }
        NamedWindows windows = new NamedWindows();
        for (NamedWindow window : select.windows()) {
            if (windows.definitions.containsKey(window.name())) {
                throw new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS,
                        "Window '" + window.name() + "' is defined twice in the WINDOW clause");
            }
            windows.definitions.put(window.name(), windows.spec(window.spec(), "WINDOW " + window.name()));
        }
        List<Expression> columns = new ArrayList<>();
        for (Expression column : select.columns()) {
            columns.add(windows.rewrite(column));
        }
        List<OrderByElement> orderBy = new ArrayList<>();
        for (OrderByElement order : select.orderBy()) {
            orderBy.add(new OrderByElement(
                    windows.rewrite(order.expression()),
                    order.descending(),
                    order.nullsFirst(),
                    order.collation(),
                    order.fill()));
        }
        Expression qualify = select.qualify() == null ? null : windows.rewrite(select.qualify());
        return new SelectQuery(
                select.with(),
                select.commonTableExpressions(),
                select.distinct(),
                columns,
                select.from(),
                select.joins(),
                select.prewhere(),
                select.where(),
                select.groupBy(),
                select.groupingSets(),
                select.groupByModifier(),
                select.withTotals(),
                select.having(),
                orderBy,
                select.limitBy(),
                select.limit(),
                select.offset(),
                select.settings(),
                select.interpolate(),
                select.limitWithTies(),
                List.of(),
                qualify,
                false,
                select.recursiveWith());
    }

    private Expression rewrite(Expression expression) {
        return switch (expression) {
            case Alias alias -> new Alias(rewrite(alias.expression()), alias.name());
            case FunctionCall call -> {
                List<Expression> arguments = new ArrayList<>();
                for (Expression argument : call.arguments()) {
                    arguments.add(rewrite(argument));
                }
                FunctionCall rewritten = call.withArguments(arguments);
                yield call.window() == null
                        ? rewritten
                        : rewritten.withWindow(spec(call.window(), call.name() + "() OVER"));
            }
            default -> expression;
        };
    }

    /** {@code spec} with the window it names or extends written out. */
    private WindowSpec spec(WindowSpec spec, String where) {
        if (spec.parent() == null) {
            return spec;
        }
        WindowSpec parent = definitions.get(spec.parent());
        if (parent == null) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "Window '" + spec.parent() + "' is not defined (referenced by " + where + ")");
        }
        if (spec.reference()) {
            return parent;
        }
        if (!spec.partitionBy().isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "Derived window definition in " + where + " is not allowed to override PARTITION BY of window '"
                            + spec.parent() + "'");
        }
        if (!spec.orderBy().isEmpty() && !parent.orderBy().isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "Derived window definition in " + where
                            + " is not allowed to override a non-empty ORDER BY of window '" + spec.parent() + "'");
        }
        return new WindowSpec(
                parent.partitionBy(),
                spec.orderBy().isEmpty() ? parent.orderBy() : spec.orderBy(),
                spec.frame() == null ? parent.frame() : spec.frame(),
                null,
                false);
    }
}
