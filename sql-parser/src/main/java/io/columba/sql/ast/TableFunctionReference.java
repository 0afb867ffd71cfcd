package io.columba.sql.ast;

import java.util.Map;

/**
 * A table function such as {@code numbers(10)}, with {@code FINAL} ({@code fin}), an alias and a sample (null when
 * absent); {@code settings} are those written last among its arguments ({@code s3(..., SETTINGS a = 1)}).
 */
public record TableFunctionReference(
        FunctionCall function,
        String alias,
        boolean fin,
        TableReference.Sample sample,
        Map<String, Expression> settings)
        implements TableExpression {

    public TableFunctionReference {
        settings = Map.copyOf(settings);
    }

    public TableFunctionReference(FunctionCall function, String alias, boolean fin) {
        this(function, alias, fin, null, Map.of());
    }

    public TableFunctionReference(FunctionCall function, String alias) {
        this(function, alias, false);
    }
}
