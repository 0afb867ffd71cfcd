package io.columba.server.tinybird;

import java.util.Locale;

/**
 * The output formats of {@code /v0/pipes/<name>.<extension>} and the ClickHouse format each is written in.
 * Tinybird's {@code .csv} carries a header row, like {@code .csvwithnames}.
 */
enum PipeFormat {
    JSON("json", "JSON"),
    NDJSON("ndjson", "JSONEachRow"),
    CSV("csv", "CSVWithNames"),
    CSV_WITH_NAMES("csvwithnames", "CSVWithNames");

    private final String extension;
    private final String clickHouseFormat;

    PipeFormat(String extension, String clickHouseFormat) {
        this.extension = extension;
        this.clickHouseFormat = clickHouseFormat;
    }

    String extension() {
        return extension;
    }

    String clickHouseFormat() {
        return clickHouseFormat;
    }

    /** The format of file extension {@code extension} (any case), or null when it names none. */
    static PipeFormat ofExtension(String extension) {
        String lower = extension.toLowerCase(Locale.ROOT);
        for (PipeFormat format : values()) {
            if (format.extension.equals(lower)) {
                return format;
            }
        }
        return null;
    }
}
