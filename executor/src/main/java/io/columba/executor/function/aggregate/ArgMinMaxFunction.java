package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/** argMin(arg, val) and argMax(arg, val): arg of the row with the smallest or largest val; the first on ties. */
public final class ArgMinMaxFunction implements AggregateFunction {
    private final boolean min;

    public ArgMinMaxFunction(boolean min) {
        this.min = min;
    }

    @Override
    public String name() {
        return min ? "argMin" : "argMax";
    }

    @Override
    public String description() {
        return "The first argument at the row where the second is " + (min ? "smallest" : "largest") + ".";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "(number, number % 7) FROM numbers(10)";
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name(), types, 2, 2);
        for (DataType type : types) {
            RowKeys.checkScalar(name(), type);
        }
        DataType argument = types.get(0);
        DataType value = types.get(1);
        return new BoundAggregate(argument, () -> new States(min, argument, value));
    }

    private static final class States implements AggregateStates {
        private final boolean min;
        private final DataType argumentType;
        private final boolean unsigned64;
        private final boolean floating;
        /** Per group: the kept argument and value as {@link RowKeys} values; null for a group without rows. */
        private Object[] arguments = new Object[16];

        private Object[] values = new Object[16];

        States(boolean min, DataType argumentType, DataType valueType) {
            this.min = min;
            this.argumentType = argumentType;
            this.unsigned64 = valueType instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
            this.floating = valueType instanceof FloatType;
        }

        private void grow(int groupCount) {
            if (values.length < groupCount) {
                int size = Math.max(groupCount, values.length * 2);
                arguments = Arrays.copyOf(arguments, size);
                values = Arrays.copyOf(values, size);
            }
        }

        private int compare(Object left, Object right) {
            if (left instanceof ByteBuffer a) {
                ByteBuffer b = (ByteBuffer) right;
                return Arrays.compareUnsigned(
                        a.array(),
                        a.arrayOffset(),
                        a.arrayOffset() + a.limit(),
                        b.array(),
                        b.arrayOffset(),
                        b.arrayOffset() + b.limit());
            }
            long a = (Long) left;
            long b = (Long) right;
            return unsigned64 ? Long.compareUnsigned(a, b) : Long.compare(a, b);
        }

        /** Whether {@code value} strictly beats {@code current}: on ties the first row stays, as in ClickHouse. */
        private boolean beats(Object value, Object current) {
            if (floating) {
                // IEEE comparison, as ClickHouse's: a NaN neither replaces a value nor is replaced once it is there.
                double a = Double.longBitsToDouble((Long) value);
                double b = Double.longBitsToDouble((Long) current);
                return min ? a < b : a > b;
            }
            int order = compare(value, current);
            return min ? order < 0 : order > 0;
        }

        private void offer(int group, Object argument, Object value) {
            Object current = values[group];
            if (current == null || beats(value, current)) {
                values[group] = value;
                arguments[group] = argument;
            }
        }

        @Override
        public void add(int[] groups, Column[] columns, int rows, int groupCount) {
            grow(groupCount);
            Column argument = columns[0].materialize();
            Column value = columns[1].materialize();
            for (int i = 0; i < rows; i++) {
                offer(groups[i], RowKeys.value(argument, i), RowKeys.value(value, i));
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            States from = (States) other;
            grow(groupCount);
            for (int g = 0; g < mapping.length && g < from.values.length; g++) {
                if (from.values[g] != null) {
                    offer(mapping[g], from.arguments[g], from.values[g]);
                }
            }
        }

        @Override
        public Column result(int groupCount) {
            grow(groupCount);
            Column defaults = ColumnBuilder.defaults(argumentType, 1);
            ColumnBuilder out = ColumnBuilder.forType(argumentType, groupCount);
            for (int g = 0; g < groupCount; g++) {
                if (arguments[g] == null) {
                    out.appendFrom(defaults, 0);
                } else {
                    RowKeys.append(out, arguments[g]);
                }
            }
            return out.build();
        }

        /** A flag (1 when the group saw a row), then the argument and the value as keys. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            grow(group + 1);
            out.writeByte(values[group] == null ? 0 : 1);
            if (values[group] != null) {
                RowKeys.write(arguments[group], out);
                RowKeys.write(values[group], out);
            }
        }

        @Override
        public void deserialize(StateReader in) {
            if (in.readByte() == 1) {
                arguments[0] = RowKeys.read(in);
                values[0] = RowKeys.read(in);
            }
        }
    }
}
