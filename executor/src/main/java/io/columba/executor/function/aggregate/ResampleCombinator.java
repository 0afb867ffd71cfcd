package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.ArrayList;
import java.util.List;

/**
 * fResample(start, end, step)(args..., key): f over each interval [start + i * step, start + (i + 1) * step) of the
 * key within [start, end), as an array of results; rows whose key falls outside are left out. The last three
 * parameters are the combinator's, the ones before them f's.
 */
public final class ResampleCombinator extends ParameterizedFunction {
    private static final long MAX_INTERVALS = 4096;

    private final AggregateFunction nested;
    private final long start;
    private final long end;
    private final long step;
    private final int intervals;

    public ResampleCombinator(AggregateFunction nested) {
        this(nested, List.of(), new long[] {0, 0, 1}, -1);
    }

    /** {@code range} is start, end and step. */
    private ResampleCombinator(AggregateFunction nested, List<String> parameters, long[] range, int intervals) {
        super(parameters);
        this.nested = nested;
        this.start = range[0];
        this.end = range[1];
        this.step = range[2];
        this.intervals = intervals;
    }

    @Override
    public String name() {
        return nested.name() + "Resample";
    }

    @Override
    public String description() {
        return nested.name() + " over each interval of the last argument: " + name()
                + "(start, end, step)(args..., key) gives an array, one result per step.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "(0, 10, 5)(number, number) FROM numbers(10)";
    }

    @Override
    public AggregateFunction withParameters(List<String> parameters) {
        if (parameters.size() < 3) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function " + name() + " requires at least 3 parameters: start, end and step");
        }
        int own = parameters.size() - 3;
        long begin = integer(parameters.get(own));
        long end = integer(parameters.get(own + 1));
        long step = integer(parameters.get(own + 2));
        if (step <= 0) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, "The step given in function " + name() + " should be positive");
        }
        long count = end <= begin ? 0 : (end - begin + step - 1) / step;
        if (count > MAX_INTERVALS) {
            throw new ColumbaException(
                    ErrorCode.ARGUMENT_OUT_OF_BOUND, "The range given in function " + name() + " is too large");
        }
        AggregateFunction inner = nested.withParameters(parameters.subList(0, own));
        return new ResampleCombinator(inner, parameters, new long[] {begin, end, step}, (int) count);
    }

    private long integer(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "Parameters of aggregate function " + name() + " must be whole numbers, found " + text);
        }
    }

    @Override
    public BoundAggregate bind(List<DataType> argumentTypes) {
        if (intervals < 0) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function " + name() + " requires 3 parameters: start, end and step");
        }
        if (argumentTypes.isEmpty() || !(argumentTypes.get(argumentTypes.size() - 1) instanceof IntegerType)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "The last argument of aggregate function " + name() + " must be an integer resampling key");
        }
        BoundAggregate inner = AggregateBinder.bind(nested, argumentTypes.subList(0, argumentTypes.size() - 1));
        return new BoundAggregate(
                new ArrayType(inner.resultType()), () -> new States(inner, new long[] {start, end, step}, intervals));
    }

    /** Group g's interval i is inner group {@code g * intervals + i}. */
    private static final class States implements AggregateStates {
        private final BoundAggregate bound;
        private final AggregateStates inner;
        private final long start;
        private final long end;
        private final long step;
        private final int intervals;

        States(BoundAggregate bound, long[] range, int intervals) {
            this.bound = bound;
            this.inner = bound.newStates();
            this.start = range[0];
            this.end = range[1];
            this.step = range[2];
            this.intervals = intervals;
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            long[] keys = Operands.longs(arguments[arguments.length - 1].materialize(), rows);
            int[] positions = new int[rows];
            int[] innerGroups = new int[rows];
            int count = 0;
            for (int i = 0; i < rows; i++) {
                if (keys[i] >= start && keys[i] < end) {
                    long interval = (keys[i] - start) / step;
                    positions[count] = i;
                    innerGroups[count++] = groups[i] * intervals + (int) interval;
                }
            }
            Column[] kept = new Column[arguments.length - 1];
            for (int a = 0; a < kept.length; a++) {
                kept[a] = count == rows ? arguments[a] : arguments[a].take(positions, count);
            }
            inner.add(innerGroups, kept, count, groupCount * intervals);
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            int[] innerMapping = new int[mapping.length * intervals];
            for (int g = 0; g < mapping.length; g++) {
                for (int i = 0; i < intervals; i++) {
                    innerMapping[g * intervals + i] = mapping[g] * intervals + i;
                }
            }
            inner.merge(((States) other).inner, innerMapping, groupCount * intervals);
        }

        @Override
        public Column result(int groupCount) {
            int[] offsets = new int[groupCount + 1];
            for (int g = 0; g < groupCount; g++) {
                offsets[g + 1] = (g + 1) * intervals;
            }
            return new ArrayColumn(offsets, inner.result(groupCount * intervals), null, groupCount);
        }

        /** Each interval's inner state in turn. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            inner.result((group + 1) * intervals);
            for (int i = 0; i < intervals; i++) {
                inner.serialize(group * intervals + i, out);
            }
        }

        @Override
        public void deserialize(StateReader in) {
            List<AggregateStates> parts = new ArrayList<>();
            for (int i = 0; i < intervals; i++) {
                AggregateStates one = bound.newStates();
                one.deserialize(in);
                parts.add(one);
            }
            for (int i = 0; i < intervals; i++) {
                inner.merge(parts.get(i), new int[] {i}, intervals);
            }
        }
    }
}
