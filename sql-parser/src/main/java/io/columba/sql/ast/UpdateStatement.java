package io.columba.sql.ast;

import java.util.List;
import java.util.Map;

/**
 * {@code UPDATE [db.]t SET column = expression, ... [IN PARTITION p] WHERE condition}: a lightweight update;
 * {@code partition} is null when absent.
 */
public record UpdateStatement(
        String database,
        String table,
        List<String> columns,
        List<Expression> values,
        AlterCommand.Partition partition,
        Expression where,
        Map<String, Expression> settings)
        implements Statement {

    public UpdateStatement {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
        settings = Map.copyOf(settings);
    }
}
