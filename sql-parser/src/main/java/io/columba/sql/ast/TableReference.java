package io.columba.sql.ast;

import java.math.BigInteger;

/**
 * {@code [database.]table [FINAL] [AS alias] [SAMPLE ratio [OFFSET ratio]]}; {@code database}, {@code alias} and
 * {@code sample} may be null.
 */
public record TableReference(String database, String table, boolean fin, String alias, Sample sample)
        implements TableExpression {

    public TableReference(String database, String table, boolean fin, String alias) {
        this(database, table, fin, alias, null);
    }

    /** {@code SAMPLE ratio [OFFSET offset]}; {@code offset} is null when absent. */
    public record Sample(Ratio ratio, Ratio offset) {}

    /** A sample ratio as written, a fraction: {@code 0.1} is 1 / 10, {@code 1000} is 1000 / 1. */
    public record Ratio(BigInteger numerator, BigInteger denominator) {}
}
