package io.columba.executor.format;

import io.columba.executor.QuerySettings;

/**
 * Output switches of the text formats. ClickHouse quotes 64-bit integers in JSON by default; Tinybird's API does
 * not ({@code output_format_json_quote_64bit_integers=0}).
 */
public record FormatSettings(boolean quote64BitIntegers, boolean quoteDenormals, boolean escapeForwardSlashes) {
    public static final FormatSettings CLICKHOUSE = new FormatSettings(true, false, true);
    public static final FormatSettings TINYBIRD = new FormatSettings(false, false, true);

    /** These defaults, overridden by the query's settings. */
    public FormatSettings with(QuerySettings settings) {
        return new FormatSettings(
                settings.getBoolean("output_format_json_quote_64bit_integers", quote64BitIntegers),
                settings.getBoolean("output_format_json_quote_denormals", quoteDenormals),
                settings.getBoolean("output_format_json_escape_forward_slashes", escapeForwardSlashes));
    }
}
