package io.columba.executor.system;

import io.columba.executor.KnownSettings;
import io.columba.executor.QuerySettings;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;

/**
 * {@code system.settings}: the settings the engine acts on, each with the value the query runs with, whether the
 * request or the query's SETTINGS changed it, and ClickHouse's description.
 */
final class SettingsTable {
    private SettingsTable() {}

    static SystemTable read(QuerySettings settings) {
        SystemRows rows = new SystemRows()
                .column("name", StringType.STRING)
                .column("value", StringType.STRING)
                .column("changed", IntegerType.UINT8)
                .column("description", StringType.STRING);
        for (KnownSettings.Definition setting : KnownSettings.all()) {
            String value = KnownSettings.value(setting, settings);
            rows.row(setting.name(), value, !value.equals(setting.defaultValue()), setting.description());
        }
        return rows.build();
    }
}
