package io.columba.workspace.datafile;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the ClickHouse {@code CREATE TABLE} statement of a data source: columns with their types as written and
 * DEFAULT expressions, then ENGINE (with its parameters), PARTITION BY, PRIMARY KEY, ORDER BY ({@code tuple()}
 * when the data source has no sorting key), TTL and SETTINGS. Codecs are left to the engine.
 */
public final class CreateTableWriter {
    private CreateTableWriter() {}

    public static String createTable(DatasourceDefinition datasource) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ")
                .append(quote(datasource.name()))
                .append("\n(\n");
        List<SchemaColumn> columns = datasource.columns();
        for (int i = 0; i < columns.size(); i++) {
            SchemaColumn column = columns.get(i);
            sql.append("    ").append(quote(column.name())).append(' ').append(column.type());
            if (column.defaultExpression() != null) {
                sql.append(" DEFAULT ").append(column.defaultExpression());
            }
            sql.append(i + 1 < columns.size() ? ",\n" : "\n");
        }
        EngineDefinition engine = datasource.engine();
        sql.append(")\nENGINE = ").append(engineExpression(engine));
        if (engine.partitionKey() != null) {
            sql.append("\nPARTITION BY ").append(engine.partitionKey());
        }
        if (engine.primaryKey() != null) {
            sql.append("\nPRIMARY KEY ").append(asTuple(engine.primaryKey()));
        }
        sql.append("\nORDER BY ").append(engine.sortingKey() == null ? "tuple()" : asTuple(engine.sortingKey()));
        if (engine.ttl() != null) {
            sql.append("\nTTL ").append(engine.ttl());
        }
        if (engine.settings() != null) {
            sql.append("\nSETTINGS ").append(engine.settings());
        }
        return sql.toString();
    }

    /** {@code ReplacingMergeTree(ver, is_deleted)}, {@code SummingMergeTree((a, b))}, or the bare engine name. */
    private static String engineExpression(EngineDefinition engine) {
        String name = engine.name();
        if (name.contains("(")) {
            return name;
        }
        List<String> arguments = new ArrayList<>();
        switch (name) {
            case "ReplacingMergeTree" -> {
                addIfPresent(arguments, engine, "ENGINE_VER");
                if (!arguments.isEmpty()) {
                    addIfPresent(arguments, engine, "ENGINE_IS_DELETED");
                }
            }
            case "CollapsingMergeTree" -> addIfPresent(arguments, engine, "ENGINE_SIGN");
            case "VersionedCollapsingMergeTree" -> {
                addIfPresent(arguments, engine, "ENGINE_SIGN");
                addIfPresent(arguments, engine, "ENGINE_VERSION");
            }
            case "SummingMergeTree" -> {
                String columns = engine.arguments().get("ENGINE_SUMMING_COLUMNS");
                if (columns != null) {
                    arguments.add(asTuple(columns));
                }
            }
            default -> {}
        }
        return arguments.isEmpty() ? name : name + "(" + String.join(", ", arguments) + ")";
    }

    private static void addIfPresent(List<String> arguments, EngineDefinition engine, String directive) {
        String value = engine.arguments().get(directive);
        if (value != null) {
            arguments.add(value);
        }
    }

    /** {@code a, b} becomes {@code (a, b)}; a single expression or an existing tuple stays as it is. */
    static String asTuple(String key) {
        String trimmed = key.strip();
        return ExpressionText.hasTopLevelComma(trimmed) ? "(" + trimmed + ")" : trimmed;
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }
}
