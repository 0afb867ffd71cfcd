package io.columba.storage.engine;

/**
 * Per-table storage settings ({@code SETTINGS index_granularity = N, parts_to_delay_insert = N,
 * parts_to_throw_insert = N}): rows per granule, and the active parts of one partition at which inserts slow down
 * and at which they fail with TOO_MANY_PARTS.
 */
public record TableSettings(int granuleRows, int partsToDelayInsert, int partsToThrowInsert) {
    public static final int DEFAULT_GRANULE_ROWS = 8192;
    public static final TableSettings DEFAULTS = new TableSettings(DEFAULT_GRANULE_ROWS);

    public TableSettings {
        if (granuleRows < 1) {
            throw new IllegalArgumentException("index_granularity must be positive, got " + granuleRows);
        }
        if (partsToDelayInsert < 1 || partsToThrowInsert < 1) {
            throw new IllegalArgumentException("parts_to_delay_insert and parts_to_throw_insert must be positive");
        }
    }

    public TableSettings(int granuleRows) {
        this(granuleRows, 150, 300);
    }
}
