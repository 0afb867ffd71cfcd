package io.columba.sql.ast;

import java.util.List;

/** {@code RENAME TABLE a TO b [, c TO d ...]}: {@code from.get(i)} becomes {@code to.get(i)}, in order. */
public record RenameStatement(List<String> from, List<String> to) implements Statement {

    public RenameStatement {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }
}
