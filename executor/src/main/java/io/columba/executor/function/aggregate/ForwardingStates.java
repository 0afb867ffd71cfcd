package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.part.GrowableByteArray;

/** States that wrap another aggregate's states and pass everything but {@code add} (and maybe result) on. */
abstract class ForwardingStates implements AggregateStates {
    final AggregateStates inner;

    ForwardingStates(AggregateStates inner) {
        this.inner = inner;
    }

    @Override
    public void merge(AggregateStates other, int[] mapping, int groupCount) {
        inner.merge(((ForwardingStates) other).inner, mapping, groupCount);
    }

    @Override
    public Column result(int groupCount) {
        return inner.result(groupCount);
    }

    @Override
    public void serialize(int group, GrowableByteArray out) {
        inner.serialize(group, out);
    }

    @Override
    public void deserialize(StateReader in) {
        inner.deserialize(in);
    }
}
