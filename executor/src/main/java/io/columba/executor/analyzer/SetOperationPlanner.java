package io.columba.executor.analyzer;

import io.columba.executor.QuerySettings;
import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.function.scalar.NumericTypes;
import io.columba.executor.operator.DistinctOperator;
import io.columba.executor.operator.Operator;
import io.columba.executor.operator.ProjectOperator;
import io.columba.executor.operator.SetOperationOperator;
import io.columba.executor.operator.UnionOperator;
import io.columba.sql.ast.QueryElement;
import io.columba.sql.ast.SelectIntersectExcept;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectUnion;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Plans what combines SELECTs: UNION ALL / DISTINCT chains and INTERSECT / EXCEPT, over the SELECTs a
 * {@link SelectPlanner} plans. The columns of the operands are matched by position and cast to their common types;
 * the names are the first operand's. As in ClickHouse, a UNION DISTINCT deduplicates everything before it, and an
 * INTERSECT or EXCEPT written without ALL or DISTINCT takes {@code intersect_default_mode} /
 * {@code except_default_mode} (ALL unless set).
 */
final class SetOperationPlanner {
    private final Function<SelectQuery, Plan> selects;
    private final QuerySettings settings;

    SetOperationPlanner(Function<SelectQuery, Plan> selects, QuerySettings settings) {
        this.selects = selects;
        this.settings = settings;
    }

    Plan plan(QueryElement element) {
        return switch (element) {
            case SelectQuery select -> selects.apply(select);
            case SelectUnion union -> union(union);
            case SelectIntersectExcept operation -> intersectExcept(operation);
        };
    }

    /** The SELECT whose SETTINGS clause a query's settings come from: the last one written. */
    static SelectQuery lastSelect(QueryElement element) {
        return switch (element) {
            case SelectQuery select -> select;
            case SelectUnion union ->
                lastSelect(union.elements().get(union.elements().size() - 1));
            case SelectIntersectExcept operation -> lastSelect(operation.right());
        };
    }

    private Plan union(SelectUnion union) {
        List<QueryElement> elements = union.elements();
        if (elements.size() == 1) {
            return plan(elements.get(0));
        }
        List<Plan> plans = new ArrayList<>();
        for (QueryElement element : elements) {
            plans.add(plan(element));
        }
        List<DataType> types = commonTypes(plans, "UNION");
        List<Operator> pending = new ArrayList<>();
        pending.add(cast(plans.get(0), types));
        for (int i = 1; i < plans.size(); i++) {
            pending.add(cast(plans.get(i), types));
            if (union.distinctUnions().get(i - 1)) {
                Operator everything = pending.size() == 1 ? pending.get(0) : new UnionOperator(pending);
                pending = new ArrayList<>(List.of(new DistinctOperator(everything, types)));
            }
        }
        Operator root = pending.size() == 1 ? pending.get(0) : new UnionOperator(pending);
        return new Plan(root, plans.get(0).names(), types, null);
    }

    private Plan intersectExcept(SelectIntersectExcept operation) {
        boolean intersect = operation.operator() == SelectIntersectExcept.Operator.INTERSECT;
        Plan left = plan(operation.left());
        Plan right = plan(operation.right());
        String name = intersect ? "INTERSECT" : "EXCEPT";
        List<DataType> types = commonTypes(List.of(left, right), name);
        Operator root = new SetOperationOperator(
                cast(left, types), cast(right, types), types, intersect, distinct(operation.mode(), name));
        return new Plan(root, left.names(), types, null);
    }

    private boolean distinct(SelectIntersectExcept.Mode mode, String operator) {
        return switch (mode) {
            case ALL -> false;
            case DISTINCT -> true;
            case DEFAULT -> {
                String setting = operator.toLowerCase(Locale.ROOT) + "_default_mode";
                String value = settings.get(setting, "ALL").toUpperCase(Locale.ROOT);
                if (!value.equals("ALL") && !value.equals("DISTINCT")) {
                    throw new ColumbaException(
                            ErrorCode.EXPECTED_ALL_OR_DISTINCT,
                            "Expected ALL or DISTINCT in " + operator + " query, because setting (" + setting + ") is '"
                                    + value + "'");
                }
                yield value.equals("DISTINCT");
            }
        };
    }

    private static List<DataType> commonTypes(List<Plan> plans, String operator) {
        List<DataType> types = new ArrayList<>(plans.get(0).types());
        for (Plan other : plans) {
            if (other.types().size() != types.size()) {
                throw new ColumbaException(
                        ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                        "Different number of columns in " + operator + " elements: " + types.size() + " and "
                                + other.types().size());
            }
            for (int c = 0; c < types.size(); c++) {
                types.set(c, NumericTypes.commonType(types.get(c), other.types().get(c)));
            }
        }
        return types;
    }

    private static Operator cast(Plan branch, List<DataType> types) {
        List<BoundExpression> casts = new ArrayList<>();
        boolean same = true;
        for (int c = 0; c < types.size(); c++) {
            DataType from = branch.types().get(c);
            DataType to = types.get(c);
            ColumnReference reference = new ColumnReference(c, from);
            casts.add(from.equals(to) ? reference : SelectPlanner.castTo(reference, to));
            same &= from.equals(to);
        }
        return same ? branch.root() : new ProjectOperator(branch.root(), casts);
    }
}
