package io.columba.executor.function.aggregate;

import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.Arrays;
import java.util.List;

/**
 * retention(cond1, cond2, ...): Array(UInt8) whose first element is 1 when some row met cond1, and element i is 1
 * when some row met cond1 and some row met cond_i.
 */
public final class RetentionFunction implements AggregateFunction {
    private static final int MAX_CONDITIONS = 32;

    @Override
    public String name() {
        return "retention";
    }

    @Override
    public String description() {
        return "For conditions c1..cN, an Array(UInt8): [c1 met, c1 and c2 met, ..., c1 and cN met] over the group.";
    }

    @Override
    public String example() {
        return "SELECT retention(number = 1, number = 2, number = 9) FROM numbers(5)";
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        if (types.isEmpty() || types.size() > MAX_CONDITIONS) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function retention requires 1 to " + MAX_CONDITIONS + " conditions");
        }
        WindowFunnelFunction.checkConditions(name(), types, 0);
        int conditions = types.size();
        return new BoundAggregate(new ArrayType(IntegerType.UINT8), () -> new States(conditions));
    }

    /** One bit per condition met in the group. */
    private static final class States implements AggregateStates {
        private final int conditions;
        private long[] masks = new long[0];

        States(int conditions) {
            this.conditions = conditions;
        }

        private void grow(int groupCount) {
            if (masks.length < groupCount) {
                masks = Arrays.copyOf(masks, Math.max(groupCount, masks.length * 2));
            }
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            grow(groupCount);
            for (int c = 0; c < conditions; c++) {
                long[] flags = WindowFunnelFunction.flags(arguments[c], rows);
                long bit = 1L << c;
                for (int i = 0; i < rows; i++) {
                    if (flags[i] != 0) {
                        masks[groups[i]] |= bit;
                    }
                }
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            grow(groupCount);
            long[] from = ((States) other).masks;
            for (int g = 0; g < mapping.length && g < from.length; g++) {
                masks[mapping[g]] |= from[g];
            }
        }

        @Override
        public Column result(int groupCount) {
            grow(groupCount);
            long[] values = new long[groupCount * conditions];
            int[] offsets = new int[groupCount + 1];
            for (int g = 0; g < groupCount; g++) {
                boolean first = (masks[g] & 1) != 0;
                for (int c = 0; c < conditions; c++) {
                    values[g * conditions + c] = first && (masks[g] & (1L << c)) != 0 ? 1 : 0;
                }
                offsets[g + 1] = (g + 1) * conditions;
            }
            return new ArrayColumn(offsets, new LongColumn(values, null, values.length), null, groupCount);
        }

        /** The conditions met, as a little-endian Int64 bit mask. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            grow(group + 1);
            out.writeLong(masks[group]);
        }

        @Override
        public void deserialize(StateReader in) {
            grow(1);
            masks[0] |= in.readLong();
        }
    }
}
