package io.columba.ingest;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats an append accepts, with the ClickHouse input format each one is inserted as. */
public enum InputFormat {
    NDJSON("JSONEachRow"),
    CSV("CSV"),
    TSV("TabSeparated"),
    /** Read record by record and inserted as JSONEachRow (see {@code ParquetJsonStream}). */
    PARQUET("Parquet");

    private final String clickHouseName;

    InputFormat(String clickHouseName) {
        this.clickHouseName = clickHouseName;
    }

    /** The name used in {@code INSERT INTO t FORMAT <name>}. */
    public String clickHouseName() {
        return clickHouseName;
    }

    /**
     * The format of a file from its extension: {@code .ndjson}/{@code .jsonl}/{@code .json}, {@code .csv},
     * {@code .tsv}/{@code .tab}, or {@code .parquet}.
     */
    public static InputFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".json")) {
            return NDJSON;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return TSV;
        }
        if (name.endsWith(".parquet")) {
            return PARQUET;
        }
        throw new ColumbaException(
                ErrorCode.UNKNOWN_FORMAT,
                "Cannot tell the format of " + file
                        + ": expected a file ending in .ndjson, .jsonl, .json, .csv, .tsv or .parquet");
    }
}
