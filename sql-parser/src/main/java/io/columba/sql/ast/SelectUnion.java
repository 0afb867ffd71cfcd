package io.columba.sql.ast;

import java.util.List;

/** One SELECT, or several joined by {@code UNION ALL} / {@code UNION DISTINCT}. */
public record SelectUnion(List<SelectQuery> selects, List<Boolean> distinctUnions) {

    public SelectUnion {
        selects = List.copyOf(selects);
        distinctUnions = List.copyOf(distinctUnions);
    }

    public static SelectUnion of(SelectQuery select) {
        return new SelectUnion(List.of(select), List.of());
    }
}
