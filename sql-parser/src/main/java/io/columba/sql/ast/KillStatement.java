package io.columba.sql.ast;

import java.util.Map;

/**
 * {@code KILL QUERY | MUTATION WHERE condition [SYNC | ASYNC | TEST]}: stop the queries or mutations the condition
 * selects; {@code mode} is {@code SYNC}, {@code ASYNC} (also when not written) or {@code TEST}.
 */
public record KillStatement(
        boolean mutation, Expression where, String mode, String format, Map<String, Expression> settings)
        implements Statement {

    public KillStatement {
        settings = Map.copyOf(settings);
    }
}
