package io.columba.workspace.datafile;

import java.util.Map;

/**
 * The {@code ENGINE*} directives of a data source. Keys and settings are expressions as written (quotes
 * stripped), null when absent; {@code arguments} holds the engine parameters ({@code ENGINE_VER},
 * {@code ENGINE_IS_DELETED}, {@code ENGINE_SIGN}, {@code ENGINE_VERSION}, {@code ENGINE_SUMMING_COLUMNS}) by
 * directive name.
 */
public record EngineDefinition(
        String name,
        String partitionKey,
        String sortingKey,
        String primaryKey,
        String ttl,
        String settings,
        Map<String, String> arguments) {
    public static final String DEFAULT_ENGINE = "MergeTree";

    public EngineDefinition {
        arguments = Map.copyOf(arguments);
    }
}
