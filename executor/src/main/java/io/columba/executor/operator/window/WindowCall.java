package io.columba.executor.operator.window;

import io.columba.executor.function.aggregate.BoundAggregate;
import io.columba.executor.operator.SortKey;
import io.columba.storage.type.DataType;
import java.util.List;

/**
 * One window function over its input's columns.
 *
 * <ul>
 *   <li>{@code AGGREGATE}: {@code aggregate} fed with each row's frame; {@code argumentColumns} are its arguments.
 *   <li>{@code RANKING}: {@code function} is row_number, rank, dense_rank, percent_rank, cume_dist or ntile
 *       ({@code parameter} buckets).
 *   <li>{@code NAVIGATION}: {@code function} is lagInFrame, leadInFrame or nth_value; {@code argumentColumns} are the
 *       value and its default (used when the row it names lies outside the frame); {@code parameter} is the offset
 *       or n. lag and lead are lagInFrame and leadInFrame over the whole partition.
 * </ul>
 */
public record WindowCall(
        Kind kind,
        BoundAggregate aggregate,
        String function,
        int[] argumentColumns,
        long parameter,
        List<SortKey> partitionKeys,
        List<SortKey> orderKeys,
        Frame frame,
        DataType type) {

    public enum Kind {
        AGGREGATE,
        RANKING,
        NAVIGATION
    }

    /** Where a frame starts or ends. */
    public enum BoundKind {
        UNBOUNDED_PRECEDING,
        PRECEDING,
        CURRENT_ROW,
        FOLLOWING,
        UNBOUNDED_FOLLOWING
    }

    /**
     * {@code ROWS} (offsets count rows) or {@code RANGE} (offsets are distances on the one ORDER BY value, CURRENT ROW
     * takes the row's peers) between two bounds.
     */
    public record Frame(boolean rows, BoundKind start, double startOffset, BoundKind end, double endOffset) {
        /** The whole partition. */
        public static final Frame PARTITION =
                new Frame(true, BoundKind.UNBOUNDED_PRECEDING, 0, BoundKind.UNBOUNDED_FOLLOWING, 0);

        /** The default with ORDER BY: the partition's start to the current row's last peer. */
        public static final Frame TO_CURRENT_PEERS =
                new Frame(false, BoundKind.UNBOUNDED_PRECEDING, 0, BoundKind.CURRENT_ROW, 0);
    }
}
