package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
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
        TimedEventStates.checkTimestamp(name(), types.get(0));
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

    private static final class States extends TimedEventStates {
        private final long window;
        private final int events;

        States(long window, int events) {
            this.window = window;
            this.events = events;
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
        Column result(List<Events> states) {
            long[] out = new long[states.size()];
            for (int g = 0; g < out.length; g++) {
                out[g] = level(states.get(g));
            }
            return new LongColumn(out, null, out.length);
        }

        private int level(Events group) {
            int[] order = group.timeOrder();
            long[] starts = new long[events];
            Arrays.fill(starts, -1);
            int best = 0;
            for (int index : order) {
                long timestamp = group.timestamps[index];
                int condition = (int) group.values[index] - 1;
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
    }
}
