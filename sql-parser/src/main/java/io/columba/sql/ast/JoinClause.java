package io.columba.sql.ast;

/** What follows the first table of FROM: a JOIN of another table, or an ARRAY JOIN. */
public sealed interface JoinClause permits TableJoin, ArrayJoin {}
