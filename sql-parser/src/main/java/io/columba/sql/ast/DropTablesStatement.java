package io.columba.sql.ast;

import java.util.List;

/** {@code DROP TABLE [IF EXISTS] t1, t2, ...}: several tables at once. */
public record DropTablesStatement(boolean ifExists, List<TableReference> tables) implements Statement {

    public DropTablesStatement {
        tables = List.copyOf(tables);
    }
}
