package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.Arrays;
import java.util.List;

/** groupBitAnd, groupBitOr, groupBitXor: the bitwise fold of an integer column, in the argument's type. */
public final class BitwiseFunction implements AggregateFunction {
    /** The bitwise operation folded over the group. */
    public enum Kind {
        AND,
        OR,
        XOR
    }

    private final Kind kind;

    public BitwiseFunction(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return switch (kind) {
            case AND -> "groupBitAnd";
            case OR -> "groupBitOr";
            case XOR -> "groupBitXor";
        };
    }

    @Override
    public String description() {
        return "The bitwise " + kind.name() + " of the group's integers, in their type.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "(toUInt8(number)) FROM numbers(1, 7)";
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name(), types, 1, 1);
        if (!(types.get(0) instanceof IntegerType integer)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type " + types.get(0).name() + " of argument for aggregate function " + name());
        }
        // All ones of the type's width: AND's identity, as ClickHouse starts it.
        int shift = 64 - 8 * integer.bytes();
        long ones = integer.signed() ? -1L : -1L >>> shift;
        return new BoundAggregate(integer, () -> new States(kind, kind == Kind.AND ? ones : 0));
    }

    private static final class States implements AggregateStates {
        private final Kind kind;
        private final long identity;
        private long[] values = new long[0];

        States(Kind kind, long identity) {
            this.kind = kind;
            this.identity = identity;
        }

        private void grow(int groupCount) {
            if (values.length < groupCount) {
                int old = values.length;
                values = Arrays.copyOf(values, Math.max(groupCount, old * 2));
                Arrays.fill(values, old, values.length, identity);
            }
        }

        private void fold(int group, long value) {
            values[group] = switch (kind) {
                case AND -> values[group] & value;
                case OR -> values[group] | value;
                case XOR -> values[group] ^ value;
            };
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            grow(groupCount);
            long[] column = Operands.longs(arguments[0], rows);
            for (int i = 0; i < rows; i++) {
                fold(groups[i], column[i]);
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            grow(groupCount);
            States from = (States) other;
            for (int g = 0; g < mapping.length && g < from.values.length; g++) {
                fold(mapping[g], from.values[g]);
            }
        }

        @Override
        public Column result(int groupCount) {
            grow(groupCount);
            return new LongColumn(Arrays.copyOf(values, groupCount), null, groupCount);
        }

        /** The value as 8 little-endian bytes. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            grow(group + 1);
            out.writeLong(values[group]);
        }

        @Override
        public void deserialize(StateReader in) {
            grow(1);
            fold(0, in.readLong());
        }
    }
}
