package io.columba.executor.format;

import io.columba.executor.QuerySettings;

/**
 * Output switches of the text formats. ClickHouse quotes 64-bit integers in JSON by default; Tinybird's API does
 * not ({@code output_format_json_quote_64bit_integers=0}). The Pretty formats show at most {@code prettyMaxRows}
 * rows, pad no column wider than {@code prettyMaxColumnPadWidth} and write names in bold when {@code prettyColor}.
 */
public record FormatSettings(
        boolean quote64BitIntegers,
        boolean quoteDenormals,
        boolean escapeForwardSlashes,
        int prettyMaxRows,
        int prettyMaxColumnPadWidth,
        boolean prettyColor) {
    public static final FormatSettings CLICKHOUSE = new FormatSettings(true, false, true, 10000, 250, true);
    public static final FormatSettings TINYBIRD = new FormatSettings(false, false, true, 10000, 250, true);

    /** These defaults, overridden by the query's settings. */
    public FormatSettings with(QuerySettings settings) {
        return new FormatSettings(
                settings.getBoolean("output_format_json_quote_64bit_integers", quote64BitIntegers),
                settings.getBoolean("output_format_json_quote_denormals", quoteDenormals),
                settings.getBoolean("output_format_json_escape_forward_slashes", escapeForwardSlashes),
                (int) Math.min(Integer.MAX_VALUE, settings.getLong("output_format_pretty_max_rows", prettyMaxRows)),
                (int) Math.min(
                        Integer.MAX_VALUE,
                        settings.getLong("output_format_pretty_max_column_pad_width", prettyMaxColumnPadWidth)),
                settings.getBoolean("output_format_pretty_color", prettyColor));
    }
}
