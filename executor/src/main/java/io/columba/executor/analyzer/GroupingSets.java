package io.columba.executor.analyzer;

import io.columba.sql.ast.Expression;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.SelectQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The grouping sets of {@code GROUP BY ... WITH ROLLUP | WITH CUBE} and {@code GROUP BY GROUPING SETS (...)}. */
final class GroupingSets {
    private GroupingSets() {}

    /** Every key the query groups by in some set, in order of first mention (duplicates possible). */
    static List<Expression> keys(SelectQuery select) {
        FunctionCall written = functionForm(select);
        if (written != null) {
            return written.arguments();
        }
        if (select.groupingSets().isEmpty()) {
            return select.groupBy();
        }
        List<Expression> keys = new ArrayList<>();
        for (List<Expression> set : select.groupingSets()) {
            keys.addAll(set);
        }
        return keys;
    }

    /** {@code GROUP BY ROLLUP(a, b)} or {@code GROUP BY CUBE(a, b)}, the function-style spelling; else null. */
    private static FunctionCall functionForm(SelectQuery select) {
        if (select.groupByModifier() == null
                && select.groupingSets().isEmpty()
                && select.groupBy().size() == 1
                && select.groupBy().get(0) instanceof FunctionCall call
                && call.window() == null
                && (call.name().equalsIgnoreCase("rollup") || call.name().equalsIgnoreCase("cube"))) {
            return call;
        }
        return null;
    }

    /**
     * The sets, each aggregated on its own, or null for a plain GROUP BY. ROLLUP of {@code (a, b)} is {@code (a, b),
     * (a), ()}; CUBE is every subset, largest first.
     */
    static List<List<Expression>> sets(SelectQuery select) {
        if (!select.groupingSets().isEmpty()) {
            return select.groupingSets();
        }
        FunctionCall written = functionForm(select);
        String modifier = written != null ? written.name() : select.groupByModifier();
        if (modifier == null) {
            return null;
        }
        List<Expression> keys = written != null ? written.arguments() : select.groupBy();
        List<List<Expression>> sets = new ArrayList<>();
        if (modifier.toUpperCase(Locale.ROOT).equals("ROLLUP")) {
            for (int size = keys.size(); size >= 0; size--) {
                sets.add(keys.subList(0, size));
            }
            return sets;
        }
        for (int mask = (1 << keys.size()) - 1; mask >= 0; mask--) {
            List<Expression> set = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                if ((mask & (1 << (keys.size() - 1 - k))) != 0) {
                    set.add(keys.get(k));
                }
            }
            sets.add(set);
        }
        return sets;
    }
}
