package io.columba.executor.operator.window;

import io.columba.executor.function.aggregate.BoundAggregate;
import io.columba.executor.operator.SortKey;
import io.columba.storage.type.DataType;
import java.util.List;

/**
 * One window function over its input's columns: an aggregate fed with the frame's rows ({@code aggregate} set) or a
 * ranking function ({@code ranking}: row_number, rank or dense_rank). {@code toCurrentRow} false means the frame is the
 * whole partition; {@code rowsFrame} means it ends at the current row itself rather than at its last peer.
 */
public record WindowCall(
        BoundAggregate aggregate,
        String ranking,
        int[] argumentColumns,
        List<SortKey> partitionKeys,
        List<SortKey> orderKeys,
        boolean toCurrentRow,
        boolean rowsFrame,
        DataType type) {}
