package io.columba.executor.analyzer;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.operator.Operator;
import io.columba.storage.type.DataType;
import java.util.List;

/**
 * A source relation: its columns, and how to read them given a WHERE for pruning. The first
 * {@link #visibleCount()} names are what {@code *} stands for; any after them are other names columns are also
 * known by ({@code t.a} in a join) or columns only a qualified name reaches.
 */
interface Source {
    List<String> names();

    List<DataType> types();

    Operator open(List<Integer> columns, BoundExpression where);

    /** Up to {@code pieces} operators that together read what {@link #open} reads. */
    default List<Operator> openParallel(List<Integer> columns, BoundExpression where, int pieces) {
        return List.of(open(columns, where));
    }

    /**
     * As {@link #openParallel(List, BoundExpression, int)}, where {@code filterOnly[i]} says that column
     * {@code columns.get(i)} is read by {@code where} alone: the rows returned may hold any value in it.
     */
    default List<Operator> openParallel(
            List<Integer> columns, BoundExpression where, int pieces, boolean[] filterOnly) {
        return openParallel(columns, where, pieces);
    }

    /** Whether what {@link #open} returns holds only the rows the WHERE keeps (else a filter follows it). */
    default boolean appliesWhere() {
        return false;
    }

    /** Whether the names {@code a} and {@code b} reach the same column ({@code t.a} and {@code a} in a join). */
    default boolean sameColumn(String a, String b) {
        return a.equals(b);
    }

    /** How many of the first names {@code SELECT *} expands to. */
    default int visibleCount() {
        return names().size();
    }
}
