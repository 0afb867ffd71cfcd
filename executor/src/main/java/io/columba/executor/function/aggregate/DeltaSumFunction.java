package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.NumericTypes;
import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import java.util.List;

/** deltaSum(x): the sum of the increases between consecutive rows (decreases ignored), in the argument's type. */
public final class DeltaSumFunction implements AggregateFunction {
    @Override
    public String name() {
        return "deltaSum";
    }

    @Override
    public String description() {
        return "The sum of the positive differences between consecutive values; decreases are ignored.";
    }

    @Override
    public String example() {
        return "SELECT deltaSum(x) FROM (SELECT arrayJoin([1, 2, 3, 0, 3, 4, 2, 3]) AS x)";
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name(), types, 1, 1);
        DataType type = types.get(0);
        if (!NumericTypes.isNumeric(type)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type " + type.name() + " of argument for aggregate function deltaSum");
        }
        boolean floats = type instanceof FloatType;
        return new BoundAggregate(type, () -> new States(floats, type));
    }

    /** The sum so far and the first and last values met (doubles' bits when floats). */
    private static final class Delta {
        double sum;
        double first;
        double last;
        boolean seen;
    }

    private static final class States extends PerGroupStates<Delta> {
        private final boolean floats;
        private final DataType type;

        States(boolean floats, DataType type) {
            this.floats = floats;
            this.type = type;
        }

        @Override
        Delta newState() {
            return new Delta();
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            double[] values = Operands.doubles(arguments[0], type, rows);
            for (int i = 0; i < rows; i++) {
                Delta delta = state(groups[i]);
                double value = values[i];
                if (delta.seen && delta.last < value) {
                    delta.sum += value - delta.last;
                }
                delta.last = value;
                if (!delta.seen) {
                    delta.first = value;
                    delta.seen = true;
                }
            }
        }

        @Override
        void add(Delta state, Column[] arguments, int row) {
            throw new IllegalStateException("rows are added a block at a time");
        }

        @Override
        void merge(Delta into, Delta from) {
            if (!from.seen) {
                return;
            }
            if (!into.seen) {
                into.first = from.first;
                into.seen = true;
            } else if (into.last < from.first) {
                into.sum += from.first - into.last;
            }
            into.sum += from.sum;
            into.last = from.last;
        }

        @Override
        Column result(List<Delta> states) {
            int size = states.size();
            if (floats) {
                double[] out = new double[size];
                for (int g = 0; g < size; g++) {
                    out[g] = states.get(g).sum;
                }
                return new DoubleColumn(out, null, size);
            }
            long[] out = new long[size];
            for (int g = 0; g < size; g++) {
                out[g] = (long) states.get(g).sum;
            }
            return new LongColumn(out, null, size);
        }

        /** The sum, first and last values as little-endian doubles, then a byte 1 when any value was met. */
        @Override
        void write(Delta state, GrowableByteArray out) {
            out.writeLong(Double.doubleToRawLongBits(state.sum));
            out.writeLong(Double.doubleToRawLongBits(state.first));
            out.writeLong(Double.doubleToRawLongBits(state.last));
            out.writeByte(state.seen ? 1 : 0);
        }

        @Override
        Delta read(StateReader in) {
            Delta delta = new Delta();
            delta.sum = in.readDouble();
            delta.first = in.readDouble();
            delta.last = in.readDouble();
            delta.seen = in.readByte() != 0;
            return delta;
        }
    }
}
