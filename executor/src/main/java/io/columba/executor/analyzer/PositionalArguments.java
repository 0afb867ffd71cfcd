package io.columba.executor.analyzer;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.Literal;
import io.columba.sql.ast.OrderByElement;
import io.columba.sql.ast.SelectQuery;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ORDER BY 2}, {@code GROUP BY 1} and {@code LIMIT 1 BY 1} name the select list's columns by position, as
 * ClickHouse does since 22.7 with {@code enable_positional_arguments = 1} (its default, and Tinybird's); with the
 * setting at 0 a number there is a constant, as in older versions.
 */
final class PositionalArguments {
    private PositionalArguments() {}

    /** The query with every positional argument replaced by the select list column it names (its alias if any). */
    static SelectQuery resolve(SelectQuery select, List<Expression> items) {
        List<OrderByElement> orderBy = new ArrayList<>();
        boolean changed = false;
        for (OrderByElement order : select.orderBy()) {
            Expression key = column(order.expression(), items, "ORDER BY");
            changed |= key != order.expression();
            orderBy.add(
                    new OrderByElement(key, order.descending(), order.nullsFirst(), order.collation(), order.fill()));
        }
        List<Expression> groupBy = columns(select.groupBy(), items, "GROUP BY");
        List<List<Expression>> groupingSets = new ArrayList<>();
        for (List<Expression> set : select.groupingSets()) {
            groupingSets.add(columns(set, items, "GROUP BY"));
        }
        SelectQuery.LimitBy limitBy = select.limitBy();
        if (limitBy != null) {
            limitBy = new SelectQuery.LimitBy(
                    limitBy.length(), limitBy.offset(), columns(limitBy.by(), items, "LIMIT BY"));
        }
        changed |= !groupBy.equals(select.groupBy())
                || !groupingSets.equals(select.groupingSets())
                || (limitBy != null && !limitBy.by().equals(select.limitBy().by()));
        if (!changed) {
            return select;
        }
        return new SelectQuery(
                select.with(),
                select.commonTableExpressions(),
                select.distinct(),
                select.columns(),
                select.from(),
                select.joins(),
                select.prewhere(),
                select.where(),
                groupBy,
                groupingSets,
                select.groupByModifier(),
                select.withTotals(),
                select.having(),
                orderBy,
                limitBy,
                select.limit(),
                select.offset(),
                select.settings(),
                select.interpolate(),
                select.limitWithTies(),
                select.windows(),
                select.qualify(),
                select.namedWindowReferences(),
                select.recursiveWith());
    }

    private static List<Expression> columns(List<Expression> keys, List<Expression> items, String clause) {
        List<Expression> resolved = new ArrayList<>();
        for (Expression key : keys) {
            resolved.add(column(key, items, clause));
        }
        return resolved;
    }

    private static Expression column(Expression key, List<Expression> items, String clause) {
        if (!(key instanceof Literal literal) || literal.kind() != Literal.Kind.UINT64) {
            return key;
        }
        long position = ((Number) literal.value()).longValue();
        if (position < 1 || position > items.size()) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "Positional argument out of bounds: " + position + " (expected in range [1, " + items.size()
                            + "]) in " + clause);
        }
        Expression item = items.get((int) position - 1);
        return item instanceof Alias alias ? Identifier.of(alias.name()) : item;
    }
}
