package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.IntegerType;
import java.util.Arrays;
import java.util.List;

/**
 * windowFunnel(window)(timestamp, cond1, ..., condN): the longest chain cond1, cond2, ... of events, in time order,
 * whose events all fall within {@code window} of the chain's first one. UInt8.
 */
public final class WindowFunnelFunction extends ParameterizedFunction {
    private static final int MAX_EVENTS = 32;

    private final long window;

    public WindowFunnelFunction() {
        this(-1, List.of());
    }

    private WindowFunnelFunction(long window, List<String> parameters) {
        super(parameters);
        this.window = window;
    }

    @Override
    public String name() {
        return "windowFunnel";
    }

    @Override
    public String description() {
        return "windowFunnel(window)(timestamp, cond1, ..., condN): how many steps of the chain cond1 -> cond2 -> ..."
                + " happened in order within window (in timestamp units) of the chain's first event.";
    }

    @Override
    public String example() {
        return "SELECT windowFunnel(2)(toUInt32(number), number = 1, number = 2, number = 4) FROM numbers(10)";
    }

    @Override
    public AggregateFunction withParameters(List<String> parameters) {
        AggregateParameters.expectCount(name(), parameters, 1, 1);
        long value;
        try {
            value = Long.parseLong(parameters.get(0));
        } catch (NumberFormatException e) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, "The window of aggregate function windowFunnel must be a whole number");
        }
        return new WindowFunnelFunction(value, parameters);
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        if (window < 0) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function windowFunnel requires one parameter, the window");
        }
        if (types.size() < 2 || types.size() > MAX_EVENTS + 1) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function windowFunnel requires a timestamp and 1 to " + MAX_EVENTS + " conditions");
        }
        DataType timestamp = types.get(0);
        if (!(timestamp instanceof IntegerType integer && !integer.signed())
                && !(timestamp instanceof DateTimeType)
                && !(timestamp instanceof DateType)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type " + timestamp.name() + " of first argument of aggregate function windowFunnel,"
                            + " must be DateTime, Date or an unsigned integer");
        }
        checkConditions(name(), types, 1);
        int events = types.size() - 1;
        return new BoundAggregate(IntegerType.UINT8, () -> new States(window, events));
    }

    /** Conditions from {@code from} on must be integers (UInt8 as comparisons give) or Bool. */
    static void checkConditions(String function, List<DataType> types, int from) {
        for (int i = from; i < types.size(); i++) {
            if (!(types.get(i) instanceof IntegerType) && !(types.get(i) instanceof BoolType)) {
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                        "Illegal type " + types.get(i).name() + " of argument " + (i + 1) + " of aggregate function "
                                + function + ", must be UInt8");
            }
        }
    }

    /** A condition column as 0/1 a row, NULL false. */
    static long[] flags(Column column, int rows) {
        long[] out = new long[rows];
        Column plain = column instanceof ConstantColumn constant ? constant.value() : column;
        LongColumn values = (LongColumn) plain;
        for (int i = 0; i < rows; i++) {
            int row = plain == column ? i : 0;
            out[i] = !plain.isNull(row) && values.get(row) != 0 ? 1 : 0;
        }
        return out;
    }

    /** The group's events: timestamp and condition number (from 1), in arrival order. */
    private static final class Events {
        long[] timestamps = new long[4];
        int[] conditions = new int[4];
        int size;

        void add(long timestamp, int condition) {
            if (size == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, size * 2);
                conditions = Arrays.copyOf(conditions, size * 2);
            }
            timestamps[size] = timestamp;
            conditions[size++] = condition;
        }
    }

    private static final class States extends PerGroupStates<Events> {
        private final long window;
        private final int events;

        States(long window, int events) {
            this.window = window;
            this.events = events;
        }

        @Override
        Events newState() {
            return new Events();
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            long[] timestamps = Operands.longs(arguments[0].materialize(), rows);
            long[][] flags = new long[events][];
            for (int c = 0; c < events; c++) {
                flags[c] = flags(arguments[c + 1], rows);
            }
            for (int i = 0; i < rows; i++) {
                // Last condition first, as ClickHouse 18.16 records a row's events: one row is one step only.
                for (int c = events - 1; c >= 0; c--) {
                    if (flags[c][i] != 0) {
                        state(groups[i]).add(timestamps[i], c + 1);
                    }
                }
            }
        }

        @Override
        void add(Events state, Column[] arguments, int row) {
            throw new IllegalStateException("rows are added a block at a time");
        }

        @Override
        void merge(Events into, Events from) {
            for (int i = 0; i < from.size; i++) {
                into.add(from.timestamps[i], from.conditions[i]);
            }
        }

        @Override
        Column result(List<Events> states) {
            long[] out = new long[states.size()];
            for (int g = 0; g < out.length; g++) {
                out[g] = level(states.get(g));
            }
            return new LongColumn(out, null, out.length);
        }

        private int level(Events group) {
            Integer[] order = new Integer[group.size];
            for (int i = 0; i < group.size; i++) {
                order[i] = i;
            }
            // A stable sort by time: events of one timestamp keep their recorded order.
            Arrays.sort(order, (a, b) -> Long.compare(group.timestamps[a], group.timestamps[b]));
            long[] starts = new long[events];
            Arrays.fill(starts, -1);
            int best = 0;
            for (int index : order) {
                long timestamp = group.timestamps[index];
                int condition = group.conditions[index] - 1;
                if (condition == 0) {
                    starts[0] = timestamp;
                } else if (starts[condition - 1] >= 0 && timestamp <= starts[condition - 1] + window) {
                    starts[condition] = starts[condition - 1];
                }
                if (starts[condition] >= 0) {
                    best = Math.max(best, condition + 1);
                    if (best == events) {
                        return best;
                    }
                }
            }
            return best;
        }

        /** VarUInt number of events, then each one's Int64 timestamp and VarUInt condition number. */
        @Override
        void write(Events state, GrowableByteArray out) {
            out.writeVarUInt(state.size);
            for (int i = 0; i < state.size; i++) {
                out.writeLong(state.timestamps[i]);
                out.writeVarUInt(state.conditions[i]);
            }
        }

        @Override
        Events read(StateReader in) {
            Events events = new Events();
            long size = in.readVarUInt();
            for (long i = 0; i < size; i++) {
                events.add(in.readLong(), (int) in.readVarUInt());
            }
            return events;
        }
    }
}
