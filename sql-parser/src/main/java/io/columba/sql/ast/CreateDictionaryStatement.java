package io.columba.sql.ast;

import java.util.List;
import java.util.Map;

/**
 * {@code CREATE DICTIONARY [IF NOT EXISTS] [db.]name (attributes) PRIMARY KEY ... SOURCE(...) LIFETIME(...)
 * LAYOUT(...) [RANGE(...)] [SETTINGS(...)] [COMMENT '...']}. The clauses a statement leaves out are null
 * ({@code primaryKey} empty, {@code settings} null when there is no SETTINGS clause).
 */
public record CreateDictionaryStatement(
        boolean ifNotExists,
        String database,
        String name,
        List<Attribute> attributes,
        List<Expression> primaryKey,
        KeyValueFunction source,
        Lifetime lifetime,
        KeyValueFunction layout,
        Range range,
        Map<String, Expression> settings,
        String comment)
        implements Statement {

    public CreateDictionaryStatement {
        attributes = List.copyOf(attributes);
        primaryKey = List.copyOf(primaryKey);
    }

    /** One attribute: {@code name Type [DEFAULT value] [EXPRESSION expression] [HIERARCHICAL | INJECTIVE ...]}. */
    public record Attribute(
            String name, String type, Expression defaultValue, Expression expression, List<String> flags) {
        public Attribute {
            flags = List.copyOf(flags);
        }
    }

    /** {@code CLICKHOUSE(HOST 'h' PORT 9000)}: a lower-cased name and its pairs. */
    public record KeyValueFunction(String name, List<KeyValue> pairs) {
        public KeyValueFunction {
            pairs = List.copyOf(pairs);
        }
    }

    /** {@code KEY value}, or {@code KEY(pairs)} when {@code value} is null. */
    public record KeyValue(String key, Expression value, List<KeyValue> pairs) {
        public KeyValue {
            pairs = List.copyOf(pairs);
        }
    }

    /** {@code LIFETIME(max)} or {@code LIFETIME(MIN min MAX max)}, in seconds. */
    public record Lifetime(long min, long max) {}

    /** {@code RANGE(MIN attribute MAX attribute)}. */
    public record Range(String min, String max) {}
}
