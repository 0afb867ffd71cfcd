package io.columba.sql.ast;

import java.util.Map;

/**
 * {@code DESCRIBE [TABLE] f(...)} or {@code DESCRIBE (SELECT ...)}: the columns a table function or a query
 * returns. {@code source} is a {@link TableFunctionReference} or a {@link SubqueryTable}; {@code format} is null
 * when absent.
 */
public record DescribeSourceStatement(TableExpression source, String format, Map<String, Expression> settings)
        implements Statement {

    public DescribeSourceStatement {
        settings = Map.copyOf(settings);
    }
}
