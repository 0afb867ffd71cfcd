package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.IntegerType;
import java.util.Arrays;

/**
 * The states of windowFunnel and sequenceMatch: each group's events as a timestamp and a value (a condition number
 * or a mask of conditions) in arrival order, merged by concatenation and read back in time order.
 */
abstract class TimedEventStates extends PerGroupStates<TimedEventStates.Events> {

    /** A group's events. */
    static final class Events {
        long[] timestamps = new long[4];
        long[] values = new long[4];
        int size;

        void add(long timestamp, long value) {
            if (size == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            timestamps[size] = timestamp;
            values[size++] = value;
        }

        /** The positions of the events ordered by time, events of one timestamp in arrival order. */
        int[] timeOrder() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(timestamps[a], timestamps[b]));
            int[] out = new int[size];
            for (int i = 0; i < size; i++) {
                out[i] = order[i];
            }
            return out;
        }
    }

    /** The timestamp argument must be DateTime, Date or an unsigned integer. */
    static void checkTimestamp(String function, DataType timestamp) {
        if (!(timestamp instanceof IntegerType integer && !integer.signed())
                && !(timestamp instanceof DateTimeType)
                && !(timestamp instanceof DateType)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type " + timestamp.name() + " of first argument of aggregate function " + function
                            + ", must be DateTime, Date or an unsigned integer");
        }
    }

    @Override
    final Events newState() {
        return new Events();
    }

    @Override
    final void add(Events state, Column[] arguments, int row) {
        throw new IllegalStateException("rows are added a block at a time");
    }

    @Override
    final void merge(Events into, Events from) {
        for (int i = 0; i < from.size; i++) {
            into.add(from.timestamps[i], from.values[i]);
        }
    }

    /** VarUInt number of events, then each one's Int64 timestamp and Int64 value. */
    @Override
    final void write(Events state, GrowableByteArray out) {
        out.writeVarUInt(state.size);
        for (int i = 0; i < state.size; i++) {
            out.writeLong(state.timestamps[i]);
            out.writeLong(state.values[i]);
        }
    }

    @Override
    final Events read(StateReader in) {
        Events events = new Events();
        long size = in.readVarUInt();
        for (long i = 0; i < size; i++) {
            events.add(in.readLong(), in.readLong());
        }
        return events;
    }
}
