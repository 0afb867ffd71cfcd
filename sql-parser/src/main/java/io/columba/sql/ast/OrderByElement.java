package io.columba.sql.ast;

/**
 * One ORDER BY key; {@code nullsFirst} is null when not written (ClickHouse: NULLS LAST for ASC and DESC).
 * {@code collation} ({@code COLLATE 'ru'}) and {@code fill} ({@code WITH FILL ...}) are null when absent.
 */
public record OrderByElement(
        Expression expression, boolean descending, Boolean nullsFirst, String collation, Fill fill) {

    public OrderByElement(Expression expression, boolean descending, Boolean nullsFirst) {
        this(expression, descending, nullsFirst, null, null);
    }

    /** {@code WITH FILL [FROM from] [TO to] [STEP step] [STALENESS staleness]}; each part null when not written. */
    public record Fill(Expression from, Expression to, Expression step, Expression staleness) {}
}
