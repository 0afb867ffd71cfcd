package io.columba.sql.ast;

/** What a FROM clause reads. */
public sealed interface TableExpression permits TableReference, TableFunctionReference, SubqueryTable {
    /** The alias, or null. */
    String alias();
}
