package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.ArrayList;
import java.util.List;

/**
 * sequenceMatch(pattern)(timestamp, cond1, ...) and sequenceCount: whether (how many times, without overlap) the
 * group's events in time order match a pattern of {@code (?N)} (an event meeting condition N), {@code .} (any
 * event), {@code .*} (any events) and {@code (?t op seconds)} (the time since the previous matched event, op one of
 * {@code < <= > >= ==}; after {@code .*} it measures from the next event). Rows meeting no condition are not
 * events. The pattern may start anywhere.
 */
public final class SequenceMatchFunction extends ParameterizedFunction {
    private static final int MAX_EVENTS = 32;
    private static final long MAX_STEPS = 1_000_000;

    private final boolean count;
    private final List<long[]> actions;

    public SequenceMatchFunction(boolean count) {
        this(count, List.of(), null);
    }

    private SequenceMatchFunction(boolean count, List<String> parameters, List<long[]> actions) {
        super(parameters);
        this.count = count;
        this.actions = actions;
    }

    @Override
    public String name() {
        return count ? "sequenceCount" : "sequenceMatch";
    }

    @Override
    public String description() {
        return count
                ? "How many times, without overlap, the events match the pattern: sequenceCount('(?1).*(?2)')(time,"
                        + " c1, c2)."
                : "1 when the events in time order match the pattern, else 0: sequenceMatch('(?1)(?t<60)(?2)')(time,"
                        + " c1, c2).";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "('(?1).*(?2)')(toUInt32(number), number = 1, number = 3) FROM numbers(5)";
    }

    @Override
    public AggregateFunction withParameters(List<String> parameters) {
        AggregateParameters.expectCount(name(), parameters, 1, 1);
        String text = parameters.get(0);
        if (text.length() < 2 || !text.startsWith("'") || !text.endsWith("'")) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, "The pattern of aggregate function " + name() + " must be a string");
        }
        return new SequenceMatchFunction(count, parameters, parse(text.substring(1, text.length() - 1)));
    }

    /** Action kinds: {kind, value[, operator]}. */
    private static final int ANY_EVENTS = 0;

    private static final int ONE_EVENT = 1;
    private static final int CONDITION = 2;
    private static final int TIME = 3;

    private List<long[]> parse(String pattern) {
        List<long[]> parsed = new ArrayList<>();
        parsed.add(new long[] {ANY_EVENTS});
        int at = 0;
        while (at < pattern.length()) {
            if (pattern.startsWith(".*", at)) {
                parsed.add(new long[] {ANY_EVENTS});
                at += 2;
            } else if (pattern.charAt(at) == '.') {
                parsed.add(new long[] {ONE_EVENT});
                at++;
            } else if (pattern.startsWith("(?t", at)) {
                int close = pattern.indexOf(')', at);
                String condition = close < 0 ? "" : pattern.substring(at + 3, close);
                String[] operators = {"<=", ">=", "==", "<", ">"};
                long[] action = null;
                for (int o = 0; o < operators.length && action == null; o++) {
                    if (condition.startsWith(operators[o])) {
                        action = new long[] {TIME, number(pattern, condition.substring(operators[o].length())), o};
                    }
                }
                if (action == null) {
                    throw badPattern(pattern);
                }
                parsed.add(action);
                at = close + 1;
            } else if (pattern.startsWith("(?", at)) {
                int close = pattern.indexOf(')', at);
                if (close < 0) {
                    throw badPattern(pattern);
                }
                long condition = number(pattern, pattern.substring(at + 2, close));
                if (condition < 1 || condition > MAX_EVENTS) {
                    throw badPattern(pattern);
                }
                parsed.add(new long[] {CONDITION, condition});
                at = close + 1;
            } else if (Character.isWhitespace(pattern.charAt(at))) {
                at++;
            } else {
                throw badPattern(pattern);
            }
        }
        return parsed;
    }

    private long number(String pattern, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw badPattern(pattern);
        }
    }

    private ColumbaException badPattern(String pattern) {
        return new ColumbaException(
                ErrorCode.SYNTAX_ERROR,
                "Could not parse the pattern '" + pattern + "' of aggregate function " + name());
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        if (actions == null) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function " + name() + " requires one parameter, the pattern");
        }
        if (types.size() < 2 || types.size() > MAX_EVENTS + 1) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function " + name() + " requires a timestamp and 1 to " + MAX_EVENTS + " conditions");
        }
        TimedEventStates.checkTimestamp(name(), types.get(0));
        WindowFunnelFunction.checkConditions(name(), types, 1);
        for (long[] action : actions) {
            if (action[0] == CONDITION && action[1] > types.size() - 1) {
                throw new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS,
                        "Event number " + action[1] + " is out of range in the pattern of " + name());
            }
        }
        int conditions = types.size() - 1;
        return new BoundAggregate(
                count ? IntegerType.UINT64 : IntegerType.UINT8, () -> new States(conditions, actions, count));
    }

    private static final class States extends TimedEventStates {
        private final int conditions;
        private final List<long[]> actions;
        private final boolean count;

        States(int conditions, List<long[]> actions, boolean count) {
            this.conditions = conditions;
            this.actions = actions;
            this.count = count;
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            long[] timestamps = Operands.longs(arguments[0].materialize(), rows);
            long[] masks = new long[rows];
            for (int c = 0; c < conditions; c++) {
                long[] flags = WindowFunnelFunction.flags(arguments[c + 1], rows);
                for (int i = 0; i < rows; i++) {
                    masks[i] |= flags[i] << c;
                }
            }
            for (int i = 0; i < rows; i++) {
                if (masks[i] != 0) {
                    state(groups[i]).add(timestamps[i], masks[i]);
                }
            }
        }

        @Override
        Column result(List<Events> states) {
            long[] out = new long[states.size()];
            for (int g = 0; g < out.length; g++) {
                out[g] = evaluate(states.get(g));
            }
            return new LongColumn(out, null, out.length);
        }

        private long evaluate(Events group) {
            int[] order = group.timeOrder();
            long[] timestamps = new long[group.size];
            long[] masks = new long[group.size];
            for (int i = 0; i < group.size; i++) {
                timestamps[i] = group.timestamps[order[i]];
                masks[i] = group.values[order[i]];
            }
            long matches = 0;
            int from = 0;
            while (from < group.size) {
                int end = match(timestamps, masks, from);
                if (end < 0) {
                    break;
                }
                matches++;
                if (!count) {
                    break;
                }
                from = end;
            }
            return matches;
        }

        /** Where a match of the pattern starting at or after {@code from} ends, or -1: a backtracking search. */
        private int match(long[] timestamps, long[] masks, int from) {
            int n = timestamps.length;
            List<int[]> alternatives = new ArrayList<>();
            alternatives.add(new int[] {0, from, -1});
            long steps = 0;
            while (!alternatives.isEmpty()) {
                int[] point = alternatives.remove(alternatives.size() - 1);
                int action = point[0];
                int event = point[1];
                int base = point[2];
                while (true) {
                    if (++steps > MAX_STEPS) {
                        throw new ColumbaException(
                                ErrorCode.TOO_DEEP_RECURSION,
                                "Pattern application proves too difficult, exceeding max iterations");
                    }
                    if (action == actions.size()) {
                        return event;
                    }
                    long[] step = actions.get(action);
                    boolean ok;
                    if (step[0] == ANY_EVENTS) {
                        if (event < n) {
                            alternatives.add(new int[] {action, event + 1, base});
                        }
                        // As ClickHouse: after .* a time condition measures from the next event itself.
                        base = event;
                        ok = true;
                    } else if (step[0] == TIME) {
                        ok = base >= 0 && event < n && compare(timestamps[event] - timestamps[base], step);
                    } else {
                        ok = event < n && (step[0] == ONE_EVENT || (masks[event] & (1L << (step[1] - 1))) != 0);
                        if (ok) {
                            base = event++;
                        }
                    }
                    if (!ok) {
                        break;
                    }
                    action++;
                }
            }
            return -1;
        }

        private static boolean compare(long elapsed, long[] step) {
            long value = step[1];
            return switch ((int) step[2]) {
                case 0 -> elapsed <= value;
                case 1 -> elapsed >= value;
                case 2 -> elapsed == value;
                case 3 -> elapsed < value;
                default -> elapsed > value;
            };
        }
    }
}
