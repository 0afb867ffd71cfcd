package io.columba.executor.system;

import io.columba.executor.QuerySettings;
import io.columba.executor.operator.Workers;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.List;

/**
 * {@code system.settings}: the settings the engine acts on, each with the value the query runs with, whether the
 * request or the query's SETTINGS changed it, and ClickHouse's description.
 */
final class SettingsTable {
    private record Setting(String name, String defaultValue, String description) {}

    private static final String OVERFLOW_MODE = "What to do when the limit is exceeded.";

    private static final List<Setting> KNOWN = List.of(
            new Setting(
                    "max_threads",
                    Integer.toString(Workers.cores()),
                    "The maximum number of threads to execute the request. By default, it is determined"
                            + " automatically."),
            new Setting(
                    "max_memory_usage",
                    "0",
                    "Maximum memory usage for processing of single query. Zero means unlimited."),
            new Setting(
                    "max_rows_to_read",
                    "0",
                    "Limit on read rows from the most 'deep' sources. That is, only in the deepest subquery."),
            new Setting("read_overflow_mode", "throw", OVERFLOW_MODE),
            new Setting(
                    "max_result_rows",
                    "0",
                    "Limit on result size in rows. Also checked for intermediate data sent from remote servers."),
            new Setting("result_overflow_mode", "throw", OVERFLOW_MODE),
            new Setting("max_execution_time", "0", "Limit on the query's run time in seconds; 0 means none."),
            new Setting("timeout_overflow_mode", "throw", OVERFLOW_MODE),
            new Setting(
                    "join_use_nulls",
                    "0",
                    "Use NULLs for non-joined rows of outer JOINs. If false, use default value of corresponding"
                            + " columns data type."),
            new Setting(
                    "output_format_json_quote_64bit_integers",
                    "1",
                    "Controls quoting of 64-bit integers in JSON output format."),
            new Setting(
                    "output_format_json_quote_denormals",
                    "0",
                    "Enables '+nan', '-nan', '+inf', '-inf' outputs in JSON output format."),
            new Setting(
                    "output_format_json_escape_forward_slashes",
                    "1",
                    "Controls escaping forward slashes for string outputs in JSON output format. This is intended for"
                            + " compatibility with JavaScript. Don't confuse with backslashes that are always escaped."),
            new Setting("output_format_pretty_max_rows", "10000", "Rows limit for Pretty formats."),
            new Setting(
                    "output_format_pretty_max_column_pad_width",
                    "250",
                    "Maximum width to pad all values in a column in Pretty formats."),
            new Setting(
                    "output_format_pretty_color", "1", "Use ANSI escape sequences to paint colors in Pretty formats"),
            new Setting(
                    "readonly",
                    "0",
                    "0 - everything is allowed. 1 - only read requests. 2 - only read requests, as well as changing"
                            + " settings, except for the 'readonly' setting."));

    private SettingsTable() {}

    static SystemTable read(QuerySettings settings) {
        SystemRows rows = new SystemRows()
                .column("name", StringType.STRING)
                .column("value", StringType.STRING)
                .column("changed", IntegerType.UINT8)
                .column("description", StringType.STRING);
        for (Setting setting : KNOWN) {
            String value = settings.values().get(setting.name());
            if (setting.name().equals("readonly") && value == null && settings.readOnly()) {
                value = "1";
            }
            rows.row(
                    setting.name(),
                    value == null ? setting.defaultValue() : value,
                    value != null && !value.equals(setting.defaultValue()),
                    setting.description());
        }
        return rows.build();
    }
}
