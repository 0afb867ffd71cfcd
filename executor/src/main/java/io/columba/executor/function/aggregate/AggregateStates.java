package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.part.GrowableByteArray;

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

    /**
     * Writes the state of one group: what an {@code AggregateFunction(f, T)} column stores and {@code fState}
     * returns. Numbers are little-endian, sizes VarUInt, in ClickHouse's layout where it is a simple one.
     */
    void serialize(int group, GrowableByteArray out);

    /** Reads a state written by {@link #serialize} as group 0 of this instance, which must be new. */
    void deserialize(StateReader in);

    /**
     * Merges a state written by {@link #serialize} straight into {@code group}, without a new instance to read it
     * into; false (having read nothing) when this aggregate has no such path, and the caller deserializes and merges.
     */
    default boolean mergeSerialized(int group, StateReader in, int groupCount) {
        return false;
    }
}
