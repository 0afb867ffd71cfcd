package io.columba.executor;

import java.util.Map;

/**
 * Settings of one query: ClickHouse setting names to values as text (URL parameters, SETTINGS clause), and
 * whether the caller may only read ({@code readOnly}: /v0/sql, GET on the ClickHouse interface).
 */
public record QuerySettings(Map<String, String> values, boolean readOnly) {
    public static final QuerySettings DEFAULTS = new QuerySettings(Map.of(), false);

    public QuerySettings {
        values = Map.copyOf(values);
    }

    public static QuerySettings forReading() {
        return new QuerySettings(Map.of(), true);
    }

    /** These settings with {@code overrides} (a query's SETTINGS clause) taking precedence. */
    public QuerySettings with(Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new java.util.HashMap<>(values);
        merged.putAll(overrides);
        return new QuerySettings(merged, readOnly);
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public long getLong(String name, long fallback) {
        String value = values.get(name);
        return value == null ? fallback : Long.parseLong(value.strip());
    }

    public boolean getBoolean(String name, boolean fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        return value.equals("1") || value.equalsIgnoreCase("true");
    }
}
