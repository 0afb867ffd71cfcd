package io.columba.executor.function.aggregate;

import io.columba.executor.function.FunctionRegistry;
import io.columba.storage.column.Column;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.AggregateFunctionType;
import java.util.Arrays;

/** Work on whole AggregateFunction columns: checking their type, merging runs of states, finalizing states. */
public final class AggregateStateColumns {
    private AggregateStateColumns() {}

    /** The aggregate whose states a column of this type holds, bound to its argument types; refuses unknown ones. */
    public static BoundAggregate bind(AggregateFunctionType type) {
        AggregateFunction function = FunctionRegistry.builtin().aggregate(type.function());
        if (function == null) {
            throw new ColumbaException(
                    ErrorCode.UNKNOWN_AGGREGATE_FUNCTION,
                    "Unknown aggregate function " + type.function() + " in type " + type.name());
        }
        return AggregateBinder.bind(function.withParameters(type.parameters()), type.arguments());
    }

    /** One merged state per run of rows {@code [starts[r], starts[r + 1])} (AggregatingMergeTree merges, FINAL). */
    public static Column mergeRuns(AggregateFunctionType type, Column states, int[] starts) {
        BoundAggregate bound = bind(type);
        int runs = starts.length - 1;
        int rows = starts[runs];
        int[] groups = new int[rows];
        for (int run = 0; run < runs; run++) {
            Arrays.fill(groups, starts[run], starts[run + 1], run);
        }
        AggregateStates merged = bound.newStates();
        MergeCombinator.mergeStates(bound, merged, groups, states, rows, runs);
        return serialize(merged, runs);
    }

    /** The final values of states, one a row (finalizeAggregation). */
    public static Column finalize(AggregateFunctionType type, Column states, int rows) {
        BoundAggregate bound = bind(type);
        int[] groups = new int[rows];
        for (int i = 0; i < rows; i++) {
            groups[i] = i;
        }
        AggregateStates merged = bound.newStates();
        MergeCombinator.mergeStates(bound, merged, groups, states, rows, rows);
        return merged.result(rows);
    }

    /** Each group's state as bytes (slots of groups that saw no rows are made first, by asking for results). */
    static Column serialize(AggregateStates states, int groups) {
        states.result(groups);
        StringColumnBuilder out = new StringColumnBuilder(groups);
        GrowableByteArray buffer = new GrowableByteArray(64);
        for (int g = 0; g < groups; g++) {
            buffer.reset();
            states.serialize(g, buffer);
            out.append(Arrays.copyOf(buffer.bytes(), buffer.length()));
        }
        return out.build();
    }
}
