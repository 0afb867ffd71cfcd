package io.columba.sql.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * One SELECT, or several joined by {@code UNION ALL} / {@code UNION DISTINCT}, and {@code INTERSECT} / {@code EXCEPT}
 * of them as {@link SelectIntersectExcept} elements. {@code distinctUnions} holds, between each two elements,
 * whether the UNION is DISTINCT (a UNION without mode is DISTINCT here).
 */
public record SelectUnion(List<QueryElement> elements, List<Boolean> distinctUnions) implements QueryElement {

    public SelectUnion {
        elements = List.copyOf(elements);
        distinctUnions = List.copyOf(distinctUnions);
    }

    public static SelectUnion of(SelectQuery select) {
        return new SelectUnion(List.of(select), List.of());
    }

    /**
     * The SELECTs of a plain UNION chain whose every clause a reader of {@link SelectQuery}'s plain clauses sees.
     * Refuses, rather than let such a reader drop it silently, what changes the result beyond them: INTERSECT,
     * EXCEPT, a nested union, and a SELECT with WINDOW, QUALIFY or {@code OVER name} (see
     * {@link SelectQuery#clausesBeyondPlainSelect()}); readers that know them walk {@link #elements()}.
     *
     * @throws UnsupportedSyntaxException naming the first such construct
     */
    public List<SelectQuery> selects() {
        List<SelectQuery> selects = new ArrayList<>(elements.size());
        for (QueryElement element : elements) {
            switch (element) {
                case SelectQuery select -> {
                    List<String> beyond = select.clausesBeyondPlainSelect();
                    if (!beyond.isEmpty()) {
                        throw new UnsupportedSyntaxException(beyond.get(0) + " is not supported yet");
                    }
                    selects.add(select);
                }
                case SelectIntersectExcept operation ->
                    throw new UnsupportedSyntaxException(operation.operator() + " is not supported yet");
                case SelectUnion ignored ->
                    throw new UnsupportedSyntaxException(
                            "A parenthesized UNION inside INTERSECT or EXCEPT is not supported yet");
            }
        }
        return selects;
    }
}
