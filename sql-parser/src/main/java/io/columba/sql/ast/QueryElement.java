package io.columba.sql.ast;

/**
 * What a {@link SelectUnion} chains: a SELECT, a parenthesized union kept whole, or an INTERSECT / EXCEPT of two
 * of them (ClickHouse's {@code SelectQuery}, {@code SelectWithUnionQuery}, {@code SelectIntersectExceptQuery}).
 */
public sealed interface QueryElement permits SelectQuery, SelectUnion, SelectIntersectExcept {}
