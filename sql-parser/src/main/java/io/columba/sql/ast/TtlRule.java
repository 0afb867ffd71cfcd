package io.columba.sql.ast;

/**
 * One rule of a table's TTL: {@code expression [DELETE | TO DISK|VOLUME 'name'] [WHERE condition]}; {@code move}
 * is {@code "DISK 'name'"}-like text for a move rule, null for a delete; {@code where} null when absent.
 */
public record TtlRule(Expression expression, String move, Expression where) {}
