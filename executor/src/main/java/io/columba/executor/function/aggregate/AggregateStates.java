package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;

/**
 * The states of one aggregate for every group of a query, held column-wise (one array slot per group) so that
 * updates run as loops over a block.
 */
public interface AggregateStates {

    /** Adds rows {@code 0..rows)}: row i belongs to group {@code groups[i]}, which is below {@code groupCount}. */
    void add(int[] groups, Column[] arguments, int rows, int groupCount);

    /**
     * Folds the states of another instance of the same aggregate into this one (parallel partial aggregation):
     * its group g becomes group {@code mapping[g]} here, below {@code groupCount}.
     */
    void merge(AggregateStates other, int[] mapping, int groupCount);

    /** The results of groups {@code 0..groupCount)}. */
    Column result(int groupCount);
}
