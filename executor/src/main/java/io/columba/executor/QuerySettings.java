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
        for (Map.Entry<String, String> setting : overrides.entrySet()) {
            KnownSettings.Definition known = KnownSettings.find(setting.getKey());
            if (known != null && known.kind() == KnownSettings.Kind.UINT64) {
                getLong(setting.getKey(), setting.getValue());
            }
        }
        Map<String, String> merged = new java.util.HashMap<>(values);
        merged.putAll(overrides);
        return new QuerySettings(merged, readOnly);
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * A numeric setting; a value that is not an integer is CANNOT_CONVERT_TYPE, as ClickHouse answers (checked for
     * the known numeric settings when a SETTINGS clause applies, whether the query reads them or not).
     */
    public long getLong(String name, long fallback) {
        String value = values.get(name);
        return value == null ? fallback : getLong(name, value);
    }

    private static long getLong(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new io.columba.storage.error.ColumbaException(
                    io.columba.storage.error.ErrorCode.CANNOT_CONVERT_TYPE,
                    "Cannot convert String to UInt64: setting " + name + " = '" + value + "'");
        }
    }

    public boolean getBoolean(String name, boolean fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        return value.equals("1") || value.equalsIgnoreCase("true");
    }
}
