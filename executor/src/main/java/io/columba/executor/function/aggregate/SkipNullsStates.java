package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.NullsColumn;
import io.columba.storage.column.Column;
import io.columba.storage.part.GrowableByteArray;
import java.util.Arrays;

/** Feeds only rows whose arguments are all non-NULL; groups that saw none give NULL when the result is Nullable. */
final class SkipNullsStates implements AggregateStates {
    private final AggregateStates inner;
    private final boolean nullableResult;
    private boolean[] seen = new boolean[16];

    SkipNullsStates(AggregateStates inner, boolean nullableResult) {
        this.inner = inner;
        this.nullableResult = nullableResult;
    }

    @Override
    public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
        if (seen.length < groupCount) {
            seen = Arrays.copyOf(seen, Math.max(groupCount, seen.length * 2));
        }
        int[] positions = new int[rows];
        int count = 0;
        for (int i = 0; i < rows; i++) {
            boolean anyNull = false;
            for (Column argument : arguments) {
                anyNull |= argument.isNull(i);
            }
            if (!anyNull) {
                positions[count++] = i;
            }
        }
        int[] keptGroups = new int[count];
        for (int i = 0; i < count; i++) {
            keptGroups[i] = groups[positions[i]];
            seen[keptGroups[i]] = true;
        }
        Column[] kept = new Column[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            kept[a] = count == rows ? arguments[a] : arguments[a].take(positions, count);
        }
        inner.add(keptGroups, kept, count, groupCount);
    }

    @Override
    public void merge(AggregateStates other, int[] mapping, int groupCount) {
        SkipNullsStates from = (SkipNullsStates) other;
        if (seen.length < groupCount) {
            seen = Arrays.copyOf(seen, Math.max(groupCount, seen.length * 2));
        }
        for (int g = 0; g < mapping.length && g < from.seen.length; g++) {
            seen[mapping[g]] |= from.seen[g];
        }
        inner.merge(from.inner, mapping, groupCount);
    }

    @Override
    public Column result(int groupCount) {
        Column result = inner.result(groupCount);
        if (!nullableResult) {
            return result;
        }
        boolean[] nulls = new boolean[groupCount];
        boolean any = false;
        for (int g = 0; g < groupCount; g++) {
            nulls[g] = g >= seen.length || !seen[g];
            any |= nulls[g];
        }
        return NullsColumn.withNulls(result.materialize(), any ? nulls : null);
    }

    /** A flag (1 when the group saw a non-NULL row), then the inner state, as ClickHouse's Null combinator. */
    @Override
    public void serialize(int group, GrowableByteArray out) {
        boolean present = group < seen.length && seen[group];
        out.writeByte(present ? 1 : 0);
        inner.serialize(group, out);
    }

    @Override
    public void deserialize(StateReader in) {
        seen[0] = in.readByte() != 0;
        inner.deserialize(in);
    }
}
