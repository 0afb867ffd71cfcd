package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import java.util.List;

/**
 * anyHeavy(x): a frequent value by the heavy-hitters (majority vote) algorithm, as ClickHouse computes it: a value
 * met more than half the time is the result; otherwise one that survived the votes.
 */
public final class AnyHeavyFunction implements AggregateFunction {
    @Override
    public String name() {
        return "anyHeavy";
    }

    @Override
    public String description() {
        return "A frequently met value by the majority-vote algorithm: the value met in more than half the rows, if"
                + " there is one.";
    }

    @Override
    public String example() {
        return "SELECT anyHeavy(x) FROM (SELECT arrayJoin([1, 2, 1, 3, 1, 1, 4]) AS x)";
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name(), types, 1, 1);
        DataType type = types.get(0);
        RowKeys.checkScalar(name(), type);
        return new BoundAggregate(type, () -> new States(type));
    }

    /** The current candidate and its vote count. */
    private static final class Vote {
        Object value;
        long counter;

        void add(Object candidate, long votes) {
            if (value != null && value.equals(candidate)) {
                counter += votes;
            } else if (counter < votes) {
                // ClickHouse keeps the counter when the candidate changes on a merge.
                value = candidate;
            } else {
                counter -= votes;
            }
        }
    }

    private static final class States extends PerGroupStates<Vote> {
        private final DataType type;

        States(DataType type) {
            this.type = type;
        }

        @Override
        Vote newState() {
            return new Vote();
        }

        @Override
        void add(Vote state, Column[] arguments, int row) {
            Object candidate = RowKeys.value(arguments[0], row);
            if (state.value != null && state.value.equals(candidate)) {
                state.counter++;
            } else if (state.counter == 0) {
                state.value = candidate;
                state.counter = 1;
            } else {
                state.counter--;
            }
        }

        @Override
        void merge(Vote into, Vote from) {
            if (from.value != null) {
                into.add(from.value, from.counter);
            }
        }

        @Override
        Column result(List<Vote> states) {
            ColumnBuilder out = ColumnBuilder.forType(type, states.size());
            Column fallback = ColumnBuilder.defaults(type, 1);
            for (Vote vote : states) {
                if (vote.value == null) {
                    out.appendFrom(fallback, 0);
                } else {
                    RowKeys.append(out, vote.value);
                }
            }
            return out.build();
        }

        /** A byte 1 and the value as a key and its VarUInt votes, or a byte 0 for no value. */
        @Override
        void write(Vote state, GrowableByteArray out) {
            out.writeByte(state.value == null ? 0 : 1);
            if (state.value != null) {
                RowKeys.write(state.value, out);
                out.writeVarUInt(state.counter);
            }
        }

        @Override
        Vote read(StateReader in) {
            Vote vote = new Vote();
            if (in.readByte() != 0) {
                vote.value = RowKeys.read(in);
                vote.counter = in.readVarUInt();
            }
            return vote;
        }
    }
}
