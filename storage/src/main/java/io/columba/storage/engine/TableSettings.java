package io.columba.storage.engine;

/** Per-table storage settings ({@code SETTINGS index_granularity = N}). */
public record TableSettings(int granuleRows) {
    public static final int DEFAULT_GRANULE_ROWS = 8192;
    public static final TableSettings DEFAULTS = new TableSettings(DEFAULT_GRANULE_ROWS);

    public TableSettings {
        if (granuleRows < 1) {
            throw new IllegalArgumentException("index_granularity must be positive, got " + granuleRows);
        }
    }
}
