package io.columba.storage.engine;

/**
 * Per-table storage settings ({@code SETTINGS index_granularity = N, parts_to_delay_insert = N,
 * parts_to_throw_insert = N, merge_with_ttl_timeout = S}): rows per granule, the active parts of one partition at
 * which inserts slow down and at which they fail with TOO_MANY_PARTS, and the seconds between two merges of one
 * partition that only remove expired rows (ClickHouse's default: 4 hours), and {@code index_granularity_bytes}:
 * the bytes at which a granule ends before its rows are reached (0: granules of {@code granuleRows} rows only).
 */
public record TableSettings(
        int granuleRows,
        int partsToDelayInsert,
        int partsToThrowInsert,
        long mergeWithTtlTimeoutSeconds,
        long granuleBytes) {
    public static final long DEFAULT_MERGE_WITH_TTL_TIMEOUT = 14400;

    /** ClickHouse's {@code index_granularity_bytes}: 10 MiB. */
    public static final long DEFAULT_GRANULE_BYTES = 10L << 20;

    public static final int DEFAULT_GRANULE_ROWS = 8192;
    public static final TableSettings DEFAULTS = new TableSettings(DEFAULT_GRANULE_ROWS);

    public TableSettings {
        if (granuleRows < 1) {
            throw new IllegalArgumentException("index_granularity must be positive, got " + granuleRows);
        }
        if (partsToDelayInsert < 1 || partsToThrowInsert < 1) {
            throw new IllegalArgumentException("parts_to_delay_insert and parts_to_throw_insert must be positive");
        }
        if (mergeWithTtlTimeoutSeconds < 0) {
            throw new IllegalArgumentException("merge_with_ttl_timeout must not be negative");
        }
    }

    public TableSettings(int granuleRows, int partsToDelayInsert, int partsToThrowInsert) {
        this(granuleRows, partsToDelayInsert, partsToThrowInsert, DEFAULT_MERGE_WITH_TTL_TIMEOUT);
    }

    public TableSettings(
            int granuleRows, int partsToDelayInsert, int partsToThrowInsert, long mergeWithTtlTimeoutSeconds) {
        this(granuleRows, partsToDelayInsert, partsToThrowInsert, mergeWithTtlTimeoutSeconds, DEFAULT_GRANULE_BYTES);
    }

    public TableSettings(int granuleRows) {
        this(granuleRows, 150, 300);
    }
}
