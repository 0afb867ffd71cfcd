package io.columba.sql.ast;

/**
 * {@code left INTERSECT right} or {@code left EXCEPT right}, with the written mode: {@code ALL}, {@code DISTINCT},
 * or {@code DEFAULT} when none is written (ClickHouse then takes {@code intersect_default_mode} /
 * {@code except_default_mode}). As in ClickHouse, INTERSECT binds tighter than UNION and EXCEPT, and EXCEPT takes
 * everything on its left: {@code a UNION ALL b EXCEPT c} is {@code (a UNION ALL b) EXCEPT c}.
 */
public record SelectIntersectExcept(Operator operator, Mode mode, QueryElement left, QueryElement right)
        implements QueryElement {

    public enum Operator {
        INTERSECT,
        EXCEPT
    }

    public enum Mode {
        DEFAULT,
        ALL,
        DISTINCT
    }

    /** The same operation over another right operand. */
    public SelectIntersectExcept withRight(QueryElement newRight) {
        return new SelectIntersectExcept(operator, mode, left, newRight);
    }
}
