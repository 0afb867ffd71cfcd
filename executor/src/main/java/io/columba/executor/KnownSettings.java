package io.columba.executor;

import io.columba.executor.operator.Workers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings the engine acts on, with ClickHouse's type, default and description: what system.settings lists
 * and getSetting reads. A name not here (nor a {@code custom_} one) is not a setting.
 */
public final class KnownSettings {
    /** How getSetting types a setting's value, as ClickHouse's setting fields turn into values. */
    public enum Kind {
        UINT64,
        BOOL,
        STRING
    }

    /** One setting: its name, type, default value (as text) and ClickHouse's description. */
    public record Definition(String name, Kind kind, String defaultValue, String description) {}

    private static final String OVERFLOW_MODE = "What to do when the limit is exceeded.";

    private static final List<Definition> ALL = List.of(
            new Definition(
                    "max_threads",
                    Kind.UINT64,
                    Integer.toString(Workers.cores()),
                    "The maximum number of threads to execute the request. By default, it is determined"
                            + " automatically."),
            new Definition(
                    "max_memory_usage",
                    Kind.UINT64,
                    "0",
                    "Maximum memory usage for processing of single query. Zero means unlimited."),
            new Definition(
                    "max_rows_to_read",
                    Kind.UINT64,
                    "0",
                    "Limit on read rows from the most 'deep' sources. That is, only in the deepest subquery."),
            new Definition("read_overflow_mode", Kind.STRING, "throw", OVERFLOW_MODE),
            new Definition(
                    "max_result_rows",
                    Kind.UINT64,
                    "0",
                    "Limit on result size in rows. Also checked for intermediate data sent from remote servers."),
            new Definition("result_overflow_mode", Kind.STRING, "throw", OVERFLOW_MODE),
            new Definition(
                    "max_execution_time", Kind.UINT64, "0", "Limit on the query's run time in seconds; 0 means none."),
            new Definition("timeout_overflow_mode", Kind.STRING, "throw", OVERFLOW_MODE),
            new Definition(
                    "join_use_nulls",
                    Kind.BOOL,
                    "0",
                    "Use NULLs for non-joined rows of outer JOINs. If false, use default value of corresponding"
                            + " columns data type."),
            new Definition(
                    "output_format_json_quote_64bit_integers",
                    Kind.BOOL,
                    "1",
                    "Controls quoting of 64-bit integers in JSON output format."),
            new Definition(
                    "output_format_json_quote_denormals",
                    Kind.BOOL,
                    "0",
                    "Enables '+nan', '-nan', '+inf', '-inf' outputs in JSON output format."),
            new Definition(
                    "output_format_json_escape_forward_slashes",
                    Kind.BOOL,
                    "1",
                    "Controls escaping forward slashes for string outputs in JSON output format. This is intended for"
                            + " compatibility with JavaScript. Don't confuse with backslashes that are always escaped."),
            new Definition("output_format_pretty_max_rows", Kind.UINT64, "10000", "Rows limit for Pretty formats."),
            new Definition(
                    "output_format_pretty_max_column_pad_width",
                    Kind.UINT64,
                    "250",
                    "Maximum width to pad all values in a column in Pretty formats."),
            new Definition(
                    "output_format_pretty_color",
                    Kind.UINT64,
                    "1",
                    "Use ANSI escape sequences to paint colors in Pretty formats"),
            new Definition(
                    "readonly",
                    Kind.UINT64,
                    "0",
                    "0 - everything is allowed. 1 - only read requests. 2 - only read requests, as well as changing"
                            + " settings, except for the 'readonly' setting."));

    private static final Map<String, Definition> BY_NAME = byName();

    private KnownSettings() {}

    private static Map<String, Definition> byName() {
        Map<String, Definition> map = new LinkedHashMap<>();
        for (Definition definition : ALL) {
            map.put(definition.name(), definition);
        }
        return map;
    }

    public static List<Definition> all() {
        return ALL;
    }

    /** The setting of that name, or null. */
    public static Definition find(String name) {
        return BY_NAME.get(name);
    }

    /** The value a query runs with: its own (SETTINGS clause, request), else the default; readonly 1 on GET. */
    public static String value(Definition setting, QuerySettings settings) {
        String value = settings.values().get(setting.name());
        if (setting.name().equals("readonly") && value == null && settings.readOnly()) {
            return "1";
        }
        return value == null ? setting.defaultValue() : value;
    }
}
