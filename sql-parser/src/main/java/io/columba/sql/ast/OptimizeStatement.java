package io.columba.sql.ast;

/** {@code OPTIMIZE TABLE t [PARTITION p] [FINAL] [DEDUPLICATE]}: merge the table's parts now. */
public record OptimizeStatement(String database, String table, boolean fin) implements Statement {}
