package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.part.GrowableByteArray;
import java.util.ArrayList;
import java.util.List;

/**
 * States held as one object a group, for aggregates whose state is not a few numbers (windowFunnel, entropy,
 * anyHeavy, ...): subclasses say how a row updates a state, how two states merge, and how one is written.
 */
abstract class PerGroupStates<S> implements AggregateStates {
    private final List<S> states = new ArrayList<>();

    abstract S newState();

    /** Adds row {@code row} of the (materialized) arguments to the state. */
    abstract void add(S state, Column[] arguments, int row);

    /** Folds {@code from} into {@code into}, which belongs to the same group. */
    abstract void merge(S into, S from);

    abstract Column result(List<S> states);

    abstract void write(S state, GrowableByteArray out);

    abstract S read(StateReader in);

    final S state(int group) {
        while (states.size() <= group) {
            states.add(newState());
        }
        return states.get(group);
    }

    @Override
    public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
        Column[] plain = new Column[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            plain[a] = arguments[a].materialize();
        }
        for (int i = 0; i < rows; i++) {
            add(state(groups[i]), plain, i);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void merge(AggregateStates other, int[] mapping, int groupCount) {
        List<S> from = ((PerGroupStates<S>) other).states;
        for (int g = 0; g < mapping.length && g < from.size(); g++) {
            merge(state(mapping[g]), from.get(g));
        }
    }

    @Override
    public Column result(int groupCount) {
        if (groupCount > 0) {
            state(groupCount - 1);
        }
        return result(states.subList(0, groupCount));
    }

    @Override
    public void serialize(int group, GrowableByteArray out) {
        write(state(group), out);
    }

    @Override
    public void deserialize(StateReader in) {
        merge(state(0), read(in));
    }
}
