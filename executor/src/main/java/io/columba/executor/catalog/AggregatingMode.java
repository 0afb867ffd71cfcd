package io.columba.executor.catalog;

import io.columba.storage.block.Block;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.engine.KeyRuns;
import io.columba.storage.engine.MergingMode;
import java.util.List;

/**
 * AggregatingMergeTree: rows with one key become one row. Columns of aggregate-function types combine their values
 * (states are merged, simple aggregates re-aggregated); every other column keeps the first row's value.
 */
final class AggregatingMode implements MergingMode {
    private final List<ColumnDefinition> columns;

    AggregatingMode(List<ColumnDefinition> columns) {
        this.columns = List.copyOf(columns);
    }

    @Override
    public Block collapse(Block rows, Block keys, boolean forFinal) {
        int[] starts = KeyRuns.starts(keys);
        int runs = starts.length - 1;
        if (runs == rows.rowCount()) {
            return rows;
        }
        return rows.take(starts, runs);
    }

    @Override
    public String toString() {
        return "AggregatingMergeTree over " + columns.size() + " columns";
    }
}
